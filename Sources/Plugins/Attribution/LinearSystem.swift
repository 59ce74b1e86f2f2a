/// Dense linear systems, solved exactly (up to floating point) by Gaussian elimination with partial pivoting.
public enum LinearSystem {
    public struct SingularMatrix: Error, Sendable, CustomStringConvertible {
        public var column: Int
        public var description: String { "the system is singular (no usable pivot in column \(column))" }
    }

    /// Solves `a · x = b` for a square row-major `a` of size `n × n`.
    public static func solve(_ a: [Double], _ b: [Double], size n: Int) throws(SingularMatrix) -> [Double] {
        precondition(a.count == n * n && b.count == n, "matrix and vector sizes do not match")
        var m = a
        var x = b
        for column in 0..<n {
            // Partial pivoting: the largest magnitude at or below the diagonal.
            var pivot = column
            var best = abs(m[column * n + column])
            for row in (column + 1)..<max(n, column + 1) {
                let value = abs(m[row * n + column])
                if value > best {
                    best = value
                    pivot = row
                }
            }
            if !(best > 1e-300) { throw SingularMatrix(column: column) }
            if pivot != column {
                for k in 0..<n { m.swapAt(pivot * n + k, column * n + k) }
                x.swapAt(pivot, column)
            }
            let diagonal = m[column * n + column]
            for row in (column + 1)..<max(n, column + 1) {
                let factor = m[row * n + column] / diagonal
                if factor == 0 { continue }
                m[row * n + column] = 0
                for k in (column + 1)..<max(n, column + 1) { m[row * n + k] -= factor * m[column * n + k] }
                x[row] -= factor * x[column]
            }
        }
        // Back substitution.
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = x[row]
            for k in (row + 1)..<max(n, row + 1) { sum -= m[row * n + k] * x[k] }
            x[row] = sum / m[row * n + row]
        }
        return x
    }
}
