using Kasify.Application.Common;
using Kasify.Application.Ses;

namespace Kasify.Application.Integrations;

/// <summary>Checks the body (400 field by field), then asks SES whether it accepts the credentials (422 if not).</summary>
public sealed class SesIntegrationValidator(ISesClient ses)
{
    public const string DefaultName = "SES.HOSPEDAJES";
    private static readonly string[] Environments = ["test", "production"];

    public async Task<ValidSesIntegration> ValidateAsync(SesIntegrationRequest r, CancellationToken ct)
    {
        var v = new Validation();
        var name = v.Optional("name", r.Name, 100) ?? DefaultName;
        var landlord = v.Required("landlord_code", r.LandlordCode, SesCredentials.LandlordCodeMaxLength);
        var username = v.Required("username", r.Username, 200);
        if (string.IsNullOrEmpty(r.Password)) v.Add("password", "password is required.");
        else if (r.Password.Length > 200) v.Add("password", "password must be at most 200 characters.");
        var environment = r.Environment?.Trim().ToLowerInvariant();
        if (environment is null || !Environments.Contains(environment)) v.Add("environment", "environment must be test or production.");
        v.ThrowIfInvalid();

        var valid = new ValidSesIntegration(name, new SesIntegrationSettings(landlord!, environment!), new SesIntegrationSecret(username!, r.Password!));
        await CheckWithSesAsync(valid.Credentials, ct);
        return valid;
    }

    private async Task CheckWithSesAsync(SesCredentials credentials, CancellationToken ct)
    {
        try
        {
            await ses.ValidateCredentialsAsync(credentials, ct);
        }
        catch (SesException e)
        {
            throw new UnprocessableException(e.Kind switch
            {
                SesErrorKind.Unauthorized => "SES.HOSPEDAJES refused this web-service user and password.",
                SesErrorKind.Transient => "SES.HOSPEDAJES could not be reached to check the credentials; try again later.",
                _ => $"SES.HOSPEDAJES rejected the credentials check: {e.Reason}",
            });
        }
    }
}
