using System.Text.Json;
using Kasify.Application.Common;
using Kasify.Application.Security;
using Kasify.Application.Ses;
using Kasify.Domain.Integrations;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Integrations;

/// <summary>Reads and writes the SES integration's settings and encrypted credentials; jobs use it to get credentials.</summary>
public sealed class SesIntegrationReader(IKasifyDb db, ISecretProtector secrets)
{
    public static string SettingsJson(ValidSesIntegration valid) => JsonSerializer.Serialize(valid.Settings);

    public string ProtectCredentials(ValidSesIntegration valid) => secrets.Protect(JsonSerializer.Serialize(valid.Secret));

    /// <summary>The account's active SES integration, tracked (a job may mark it failing), or null.</summary>
    public Task<Integration?> FindActiveAsync(Guid accountId, CancellationToken ct) =>
        db.Integrations.Where(i => i.AccountId == accountId && i.Type == IntegrationTypes.Ses && i.Status == IntegrationStatus.Active)
            .OrderBy(i => i.CreatedAt).FirstOrDefaultAsync(ct);

    public Task<bool> HasActiveAsync(Guid accountId, CancellationToken ct) =>
        db.Integrations.AnyAsync(i => i.AccountId == accountId && i.Type == IntegrationTypes.Ses && i.Status == IntegrationStatus.Active, ct);

    public SesCredentials Credentials(Integration integration)
    {
        var settings = JsonSerializer.Deserialize<SesIntegrationSettings>(integration.SettingsJson)!;
        var secret = JsonSerializer.Deserialize<SesIntegrationSecret>(secrets.Unprotect(integration.ProtectedCredentials))!;
        return new SesCredentials(settings.LandlordCode, secret.Username, secret.Password, settings.SesEnvironment);
    }
}
