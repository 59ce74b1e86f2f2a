/// PA = LU with partial pivoting, for solving many systems with the same matrix in O(n²) each.
public struct LUDecomposition: Sendable {
    public let size: Int
    /// L (below the diagonal, unit diagonal implied) and U (on and above it), row-major.
    private var lu: [Double]
    /// Row `i` of PA is row `permutation[i]` of A.
    private var permutation: [Int]

    public init(_ a: [Double], size n: Int) throws(LinearSystem.SingularMatrix) {
        precondition(a.count == n * n, "matrix size does not match")
        size = n
        lu = a
        permutation = Array(0..<n)
        for column in 0..<n {
            var pivot = column
            var best = abs(lu[column * n + column])
            for row in (column + 1)..<n where abs(lu[row * n + column]) > best {
                best = abs(lu[row * n + column])
                pivot = row
            }
            if !(best > 1e-300) { throw LinearSystem.SingularMatrix(column: column) }
            if pivot != column {
                for k in 0..<n { lu.swapAt(pivot * n + k, column * n + k) }
                permutation.swapAt(pivot, column)
            }
            let diagonal = lu[column * n + column]
            for row in (column + 1)..<n {
                let factor = lu[row * n + column] / diagonal
                lu[row * n + column] = factor
                if factor == 0 { continue }
                for k in (column + 1)..<n { lu[row * n + k] -= factor * lu[column * n + k] }
            }
        }
    }

    /// x with A x = b.
    public func solve(_ b: [Double]) -> [Double] {
        let n = size
        var x = permutation.map { b[$0] }
        for row in 0..<n {  // L y = Pb
            var sum = x[row]
            for k in 0..<row { sum -= lu[row * n + k] * x[k] }
            x[row] = sum
        }
        for row in stride(from: n - 1, through: 0, by: -1) {  // U x = y
            var sum = x[row]
            for k in (row + 1)..<n { sum -= lu[row * n + k] * x[k] }
            x[row] = sum / lu[row * n + row]
        }
        return x
    }

    /// z with Aᵀ z = b (Aᵀ = Uᵀ Lᵀ P).
    public func solveTransposed(_ b: [Double]) -> [Double] {
        let n = size
        var s = b
        for row in 0..<n {  // Uᵀ s = b
            var sum = s[row]
            for k in 0..<row { sum -= lu[k * n + row] * s[k] }
            s[row] = sum / lu[row * n + row]
        }
        for row in stride(from: n - 1, through: 0, by: -1) {  // Lᵀ t = s
            var sum = s[row]
            for k in (row + 1)..<n { sum -= lu[k * n + row] * s[k] }
            s[row] = sum
        }
        var z = [Double](repeating: 0, count: n)
        for i in 0..<n { z[permutation[i]] = s[i] }
        return z
    }
}
