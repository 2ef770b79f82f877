using System.Net;
using Kasify.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kasify.FunctionalTests.Security;

/// <summary>A subject is unique only within its identity provider: users are keyed by issuer and subject.</summary>
public sealed class UserIssuerTests : ApiFixture
{
    private const string OtherIssuer = "other-idp";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Authentication:Schemes:Bearer:ValidIssuers:0"] = OtherIssuer,
        ["Authentication:Schemes:Bearer:SigningKeys:1:Issuer"] = OtherIssuer,
        ["Authentication:Schemes:Bearer:SigningKeys:1:Value"] = TestTokens.SigningKey,
    };

    [Test]
    public async Task The_same_subject_from_another_trusted_issuer_is_not_the_same_user()
    {
        var user = await RegisterAsync();
        var impostor = WithToken(TestTokens.Mint(user.Subject, "impostor@example.test", issuer: OtherIssuer));

        var refused = await (await impostor.GetAsync("/account")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var registered = await (await impostor.PostAsync("/auth/register", null)).ShouldBeAsync(HttpStatusCode.Created);

        refused["detail"]!.ToString().Should().Contain("/auth/register");
        registered["id"]!.ToString().Should().NotBe(user.Id.ToString());
        (await user.Client.GetObjectAsync("/account"))["id"]!.ToString().Should().Be(user.Id.ToString());
    }

    [Test]
    public async Task A_user_from_before_issuers_were_recorded_keeps_working_and_takes_the_issuer_of_the_next_sign_in()
    {
        var user = await RegisterAsync();
        await Api.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Issuer, "")));

        var account = await user.Client.GetObjectAsync("/account");

        account["id"]!.ToString().Should().Be(user.Id.ToString());
        (await Api.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.Issuer).SingleAsync())).Should().Be(TestTokens.Issuer);
        var otherIssuer = WithToken(TestTokens.Mint(user.Subject, user.Email, issuer: OtherIssuer));
        await (await otherIssuer.GetAsync("/account")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task A_new_user_records_the_issuer_of_their_token()
    {
        var user = await RegisterAsync();

        (await Api.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.Issuer).SingleAsync())).Should().Be(TestTokens.Issuer);
    }
}
