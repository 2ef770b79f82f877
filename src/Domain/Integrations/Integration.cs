using Kasify.Domain.Common;

namespace Kasify.Domain.Integrations;

/// <summary>
/// A connection of an account to a vendor (<c>ses</c>, later <c>nuki</c>, <c>unifi</c>): non-secret settings as JSON,
/// credentials as an encrypted blob that is never returned. <see cref="Type"/> is a lower-case vendor key.
/// </summary>
public sealed class Integration : AggregateRoot
{
    private Integration() { }

    public static Integration Create(Guid accountId, string type, string name, string settingsJson, string protectedCredentials, DateTime now)
    {
        var integration = new Integration { AccountId = accountId, Type = type, CreatedAt = now };
        integration.Replace(name, settingsJson, protectedCredentials, now);
        return integration;
    }

    public Guid AccountId { get; private set; }
    public string Type { get; private set; } = "";
    public string Name { get; private set; } = "";
    public IntegrationStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? LastCheckedAt { get; private set; }
    public string? LastError { get; private set; }
    /// <summary>Non-secret, vendor-specific settings (e.g. SES landlord code and environment) as a JSON object.</summary>
    public string SettingsJson { get; private set; } = "{}";
    /// <summary>Vendor credentials, encrypted (ISecretProtector); write-only through the API.</summary>
    public string ProtectedCredentials { get; private set; } = "";

    public bool IsActive => Status == IntegrationStatus.Active;

    /// <summary>New name, settings and credentials that the vendor has just accepted.</summary>
    public void Replace(string name, string settingsJson, string protectedCredentials, DateTime now)
    {
        Name = name;
        SettingsJson = settingsJson;
        ProtectedCredentials = protectedCredentials;
        MarkWorking(now);
    }

    public void MarkWorking(DateTime now)
    {
        Status = IntegrationStatus.Active;
        LastCheckedAt = now;
        LastError = null;
    }

    /// <summary>The vendor refused the stored credentials: the owner must replace them.</summary>
    public void MarkFailing(DateTime now, string error)
    {
        Status = IntegrationStatus.Error;
        LastCheckedAt = now;
        LastError = error.Length > 1000 ? error[..1000] : error;
    }
}

public enum IntegrationStatus { Active, Error }
