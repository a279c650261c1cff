import KubeModel

/// pod-template-hash as the Deployment controller computes it: FNV-32a over the template (plus the collision
/// count), its decimal digits encoded with the name-safe alphabet (rand.SafeEncodeString).
enum TemplateHash {
    static let label = "pod-template-hash"

    static func compute(_ template: PodTemplateSpec, collisionCount: Int? = nil) -> String {
        var t = template
        t.metadata.labels[label] = nil
        var hash: UInt32 = 2_166_136_261
        for byte in JSONWriter.compact(t.json()).utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        if let collisionCount {
            for byte in String(collisionCount).utf8 {
                hash ^= UInt32(byte)
                hash = hash &* 16_777_619
            }
        }
        let alphabet = SeededRandom.nameAlphabet
        return String(String(hash).utf8.map { alphabet[Int($0) % alphabet.count] })
    }
}
