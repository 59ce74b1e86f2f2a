# frozen_string_literal: true

# Ruby Liquid timed like ../shared/bench/liquid/ruby_bench.rb, on wall-clock AND thread CPU time.
#
# Same engine set-up as that script (Liquid::Template.parse with line_numbers, partials from a file
# system object serving sources read before timing, render! of one template parsed beforehand) and the
# same samples: N calls per sample (N calibrated on wall-clock so a sample lasts about --min-time), one
# discarded warm-up sample, GC.start before each sample, median of K samples. Each sample is read on two
# clocks at once: CLOCK_MONOTONIC (wall) and CLOCK_THREAD_CPUTIME_ID (CPU time of this thread, which
# does not count time the scheduler gave to other processes on the shared machine). That script runs
# its benchmark when loaded, so its few helpers are restated here rather than required.
#
#   ruby ruby_cpu_bench.rb FIXTURES_DIR [--samples K] [--min-time S] [--only NAME[,NAME]]
#
# Prints the peer script's columns, then parse_cpu_us render_cpu_us both_cpu_us.

require "json"
require "liquid"

class FolderFileSystem
  attr_reader :sources

  def initialize(dir)
    @sources = {}
    Dir.children(dir).sort.each do |entry|
      path = File.join(dir, entry)
      @sources[entry] = File.read(path, encoding: "UTF-8") if File.file?(path)
    end
  end

  def read_template_file(name)
    key = name.to_s
    key = "#{key}.liquid" unless @sources.key?(key) || key.end_with?(".liquid")
    @sources.fetch(key) { raise Liquid::FileSystemError, "No such template '#{name}'" }
  end
end

opts = { samples: 7, min_time: 0.25, only: nil, dir: nil }
args = ARGV.dup
until args.empty?
  a = args.shift
  case a
  when "--samples" then opts[:samples] = Integer(args.shift)
  when "--min-time" then opts[:min_time] = Float(args.shift)
  when "--only" then opts[:only] = args.shift.split(",")
  else opts[:dir] = a
  end
end
abort "usage: ruby ruby_cpu_bench.rb FIXTURES_DIR [--samples K] [--min-time S] [--only A,B]" unless opts[:dir]

def wall = Process.clock_gettime(Process::CLOCK_MONOTONIC)
def cpu = Process.clock_gettime(Process::CLOCK_THREAD_CPUTIME_ID)

# Seconds of wall-clock and of thread CPU time for n calls (a while loop with yield, as ruby_bench.rb).
def time_n2(n)
  w0 = wall
  c0 = cpu
  i = 0
  while i < n
    yield
    i += 1
  end
  c1 = cpu
  [wall - w0, c1 - c0]
end

def time_n(n, &blk) = time_n2(n, &blk)[0]

def calibrate(min_time, &blk)
  n = 1
  loop do
    t = time_n(n, &blk)
    return [(n * min_time / t).ceil, 1].max if t >= min_time / 10.0 || n >= 1 << 24

    n *= 4
  end
end

def median(xs)
  s = xs.sort
  m = s.size / 2
  s.size.odd? ? s[m] : (s[m - 1] + s[m]) / 2.0
end

# [median wall µs, median CPU µs, N] per call.
def measure(opts, &blk)
  n = calibrate(opts[:min_time], &blk)
  GC.start
  time_n(n, &blk)
  walls = []
  cpus = []
  opts[:samples].times do
    GC.start
    w, c = time_n2(n, &blk)
    walls << w / n * 1e6
    cpus << c / n * 1e6
  end
  [median(walls), median(cpus), n]
end

def normalize(text) = text.split("\n", -1).map(&:rstrip).join("\n").rstrip

def check(actual, expected)
  return "exact" if actual == expected
  return "trimmed" if normalize(actual) == normalize(expected)
  return "MISMATCH(ws-only)" if actual.gsub(/\s+/, "") == expected.gsub(/\s+/, "")

  "MISMATCH"
end

def f1(x) = format("%.1f", x)

fixtures = Dir.children(opts[:dir]).sort.select { |f| File.file?(File.join(opts[:dir], f, "templates", "index.liquid")) }
fixtures &= opts[:only] if opts[:only]
puts "# engine=ruby-liquid #{Liquid::VERSION} ruby=#{RUBY_VERSION} samples=#{opts[:samples]} " \
     "min_time=#{opts[:min_time]}s clocks=wall,thread_cpu"
puts format("%-8s %12s %12s %12s %9s %s", "fixture", "parse_us", "render_us", "both_us", "iters",
            "check parse_cpu_us render_cpu_us both_cpu_us")
fixtures.each do |name|
  root = File.join(opts[:dir], name)
  fs = FolderFileSystem.new(File.join(root, "templates"))
  Liquid::Template.file_system = fs
  data = JSON.parse(File.read(File.join(root, "data.json"), encoding: "UTF-8"))
  expected = File.read(File.join(root, "expected_result.txt"), encoding: "UTF-8")
  expected = expected.gsub(/&copy; \d{4}/, "&copy; #{Time.now.year}")
  source = fs.sources.fetch("index.liquid")
  first = Liquid::Template.parse(source, line_numbers: true).render!(Marshal.load(Marshal.dump(data)))
  status = check(first, expected)
  template = Liquid::Template.parse(source, line_numbers: true)
  parse = measure(opts) { Liquid::Template.parse(source, line_numbers: true) }
  render = measure(opts) { template.render!(data) }
  both = measure(opts) { Liquid::Template.parse(source, line_numbers: true).render!(data) }
  again = Liquid::Template.parse(source, line_numbers: true).render!(data)
  status = "#{status}(drift)" if check(again, expected) != check(first, expected)
  puts format("%-8s %12s %12s %12s %9s %s %s %s %s", name, f1(parse[0]), f1(render[0]), f1(both[0]),
              "#{parse[2]}/#{render[2]}/#{both[2]}", status, f1(parse[1]), f1(render[1]), f1(both[1]))
  $stdout.flush
end
