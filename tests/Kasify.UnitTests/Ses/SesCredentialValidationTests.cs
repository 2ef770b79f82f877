using Kasify.Application.Ses;

namespace Kasify.UnitTests.Ses;

public sealed class SesCredentialValidationTests : SesClientTestBase
{
    [Test]
    public async Task Valid_credentials_pass_a_catalogue_query()
    {
        await Host.Client.ValidateCredentialsAsync(Host.Credentials, CancellationToken.None);

        Host.Fake.CatalogueQueries.Should().Be(1);
    }

    [Test]
    public async Task A_wrong_password_fails_validation_as_Unauthorized()
    {
        var act = () => Host.Client.ValidateCredentialsAsync(Host.Credentials with { Password = "guess" }, CancellationToken.None);

        (await act.Should().ThrowAsync<SesException>()).Which.Kind.Should().Be(SesErrorKind.Unauthorized);
    }
}
