import ArgumentParser
import Foundation
import Registry

/// The options every registry command shares: credentials, trust, transport and retries.
struct RegistryArguments: ParsableArguments {
    @Option(help: "A Docker-style auth file ({\"auths\": {HOST: {\"auth\": …}}}); default: $REGISTRY_AUTH_FILE, $DOCKER_CONFIG/config.json, ~/.docker/config.json.")
    var credsFile: String?

    @Option(help: "A PEM file of CA certificates trusted besides the system's, for the registry's TLS certificate.")
    var caCert: String?

    @Flag(help: "Allow plain HTTP and unverified TLS for a registry that is not on this machine (loopback registries may use HTTP anyway).")
    var insecure = false

    @Option(help: "Tries per request on connection errors, 5xx and 429 (honouring Retry-After), with backoff; 1 = no retry.")
    var retries: Int = 5

    @Option(help: "Blobs up to this many bytes are uploaded in one request, larger ones in chunks of this size.")
    var chunkSize: Int = 16 << 20

    func validate() throws {
        guard retries >= 1 else { throw ValidationError("--retries must be at least 1") }
        guard chunkSize >= 1024 else { throw ValidationError("--chunk-size must be at least 1024") }
    }

    /// The library's options for these arguments.
    func options() -> RegistryOptions {
        RegistryOptions(
            insecure: insecure, caCertificate: caCert,
            credentials: CredentialStore(explicitFile: credsFile, environment: ProcessInfo.processInfo.environment),
            retry: RetryPolicy(maxAttempts: retries), chunkSize: chunkSize)
    }

    /// Parses a reference, as a usage error when it is invalid.
    static func reference(_ text: String, option: String) throws -> ImageReference {
        do {
            return try ImageReference(parsing: text)
        } catch let error as ReferenceError {
            throw ValidationError("\(option): \(error)")
        }
    }
}
