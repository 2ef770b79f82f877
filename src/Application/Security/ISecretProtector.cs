namespace Kasify.Application.Security;

/// <summary>
/// Encrypts secrets kept at rest (guests' document numbers, integration credentials). The protected text is
/// opaque and safe to store; only this port can read it back. Implemented with ASP.NET Core Data Protection.
/// </summary>
public interface ISecretProtector
{
    string Protect(string plaintext);

    /// <exception cref="System.Security.Cryptography.CryptographicException">The text was not protected by us, or the key is gone.</exception>
    string Unprotect(string protectedText);
}
