/// Integer conversions and sums for numbers that come from templates or data: they saturate instead of
/// trapping, because a tenant template must never crash the process (Swift traps on overflow).
extension Int {
    /// `d` truncated toward zero; NaN is 0 and values beyond the range of Int clamp to `.min`/`.max`.
    init(saturating d: Double) {
        if d.isNaN {
            self = 0
        } else if d >= 9.223372036854775807e18 {
            self = .max
        } else if d <= -9.223372036854775808e18 {
            self = .min
        } else {
            self = Int(d)
        }
    }

    /// `self + other`, clamped to `.min`/`.max`.
    func saturatingAdd(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }
}
