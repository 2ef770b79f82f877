using Kasify.Application.Ses;

namespace Kasify.UnitTests.Ses;

public sealed class SesCredentialValidationTests
{
    private SesTestHost host = null!;

    [SetUp]
    public void StartFake() => host = new SesTestHost();

    [TearDown]
    public void StopFake() => host.Dispose();

    [Test]
    public async Task Valid_credentials_pass_a_catalogue_query()
    {
        await host.Client.ValidateCredentialsAsync(host.Credentials, CancellationToken.None);

        host.Fake.CatalogueQueries.Should().Be(1);
    }

    [Test]
    public async Task A_wrong_password_fails_validation_as_Unauthorized()
    {
        var act = () => host.Client.ValidateCredentialsAsync(host.Credentials with { Password = "guess" }, CancellationToken.None);

        (await act.Should().ThrowAsync<SesException>()).Which.Kind.Should().Be(SesErrorKind.Unauthorized);
    }
}
