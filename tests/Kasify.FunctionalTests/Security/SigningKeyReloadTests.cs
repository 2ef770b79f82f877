using System.Net;
using System.Security.Claims;
using Kasify.FunctionalTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Kasify.FunctionalTests.Security;

/// <summary>
/// The JWT signing keys are read once, not per token (docs/performance.md, third pass), yet a key changed in the
/// configuration still takes effect when the configuration reloads. A fixture of its own: it changes the key.
/// </summary>
public sealed class SigningKeyReloadTests : ApiFixture
{
    private static readonly string RotatedKey = Convert.ToBase64String("kasify-functional-tests-rotated-key-9876543210"u8.ToArray());

    [Test]
    public async Task A_signing_key_rotated_in_the_configuration_is_used_once_the_configuration_reloads()
    {
        var user = await RegisterAsync();
        await (await user.Client.GetAsync("/account")).ShouldBeAsync(HttpStatusCode.OK);

        var configuration = (IConfigurationRoot)Api.Services.GetRequiredService<IConfiguration>();
        configuration["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = RotatedKey;
        configuration.Reload();

        await (await user.Client.GetAsync("/account")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var rotated = WithToken(MintWith(RotatedKey, user.Subject));
        (await rotated.GetObjectAsync("/account"))["id"]!.ToString().Should().Be(user.Id.ToString());
    }

    private static string MintWith(string base64Key, string subject) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TestTokens.Issuer,
            Audience = TestTokens.Audience,
            Subject = new ClaimsIdentity([new Claim("sub", subject)]),
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(base64Key)), SecurityAlgorithms.HmacSha256),
        });
}
