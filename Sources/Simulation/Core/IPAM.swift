/// IPv4 arithmetic for the allocators: addresses as UInt32, CIDRs as (base, size).
public struct IPv4CIDR: Sendable, Hashable {
    public let base: UInt32
    public let prefix: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let prefix = Int(parts[1]), (0...32).contains(prefix),
              let base = IPv4CIDR.parse(String(parts[0])) else { return nil }
        self.prefix = prefix
        let mask: UInt32 = prefix == 0 ? 0 : ~UInt32(0) << (32 - prefix)
        self.base = base & mask
    }

    public var size: UInt32 { prefix == 0 ? UInt32.max : UInt32(1) << (32 - prefix) }

    public func contains(_ ip: UInt32) -> Bool { ip >= base && UInt64(ip) < UInt64(base) + UInt64(size) }

    /// Dotted-quad text to a number, or nil. Reads the UTF-8 bytes in one pass: the endpoint controllers sort every
    /// Service's addresses by it on each sync.
    public static func parse(_ text: String) -> UInt32? {
        var value: UInt32 = 0, octet: UInt32 = 0, digits = 0, dots = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                octet = octet * 10 + UInt32(byte - UInt8(ascii: "0"))
                digits += 1
                guard digits <= 3, octet <= 255 else { return nil }
            case UInt8(ascii: "."):
                guard digits > 0, dots < 3 else { return nil }
                value = value << 8 | octet
                octet = 0
                digits = 0
                dots += 1
            default:
                return nil
            }
        }
        guard digits > 0, dots == 3 else { return nil }
        return value << 8 | octet
    }

    public static func format(_ ip: UInt32) -> String {
        "\(ip >> 24).\((ip >> 16) & 255).\((ip >> 8) & 255).\(ip & 255)"
    }
}

/// Hands out addresses from one range and takes them back: Service ClusterIPs, LoadBalancer addresses, pod IPs.
struct AddressPool: Sendable {
    let range: IPv4CIDR
    /// The first and last usable offsets (network and broadcast addresses are never handed out).
    let firstOffset: UInt32
    let lastOffset: UInt32
    private(set) var used: Set<UInt32> = []
    private var cursor: UInt32

    init(_ range: IPv4CIDR, skipFirst: UInt32 = 1) {
        self.range = range
        firstOffset = skipFirst
        lastOffset = range.size >= 2 ? range.size - 2 : 0
        cursor = skipFirst
    }

    var capacity: Int { Int(lastOffset) - Int(firstOffset) + 1 }

    func isFree(_ ip: UInt32) -> Bool { range.contains(ip) && !used.contains(ip) }

    mutating func reserve(_ ip: UInt32) -> Bool {
        guard range.contains(ip), !used.contains(ip) else { return false }
        used.insert(ip)
        return true
    }

    /// The next free address after the last one handed out, wrapping, like the API server's bitmap allocator
    /// (which starts at a random offset; ours is sequential so addresses read naturally in a demo).
    mutating func allocate() -> UInt32? {
        guard used.count < capacity else { return nil }
        while true {
            let ip = range.base + cursor
            cursor = cursor >= lastOffset ? firstOffset : cursor + 1
            if !used.contains(ip) {
                used.insert(ip)
                return ip
            }
        }
    }

    mutating func release(_ ip: UInt32) { used.remove(ip) }
}

extension UInt32 {
    /// Dotted-quad text of an IPv4 address held as a number.
    var formatted: String { IPv4CIDR.format(self) }
}
