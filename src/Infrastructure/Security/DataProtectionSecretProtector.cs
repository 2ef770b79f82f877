using Kasify.Application.Security;
using Microsoft.AspNetCore.DataProtection;

namespace Kasify.Infrastructure.Security;

/// <summary>Data Protection with keys persisted in the database (see <c>AddInfrastructure</c>), one purpose for all secrets.</summary>
internal sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private const string Purpose = "Kasify.Secrets.v1";
    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(string plaintext) => _protector.Protect(plaintext);

    public string Unprotect(string protectedText) => _protector.Unprotect(protectedText);
}
