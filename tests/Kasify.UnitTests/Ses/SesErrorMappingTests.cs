using Kasify.Application.Ses;
using Kasify.TestFakes.Ses;

namespace Kasify.UnitTests.Ses;

public sealed class SesErrorMappingTests : SesClientTestBase
{
    [Test]
    public async Task A_data_rejection_is_returned_as_Rejected_with_the_code_and_description()
    {
        Host.Fake.Mode = FakeSesMode.RejectData;
        Host.Fake.RejectionDescription = "El establecimiento no pertenece al arrendador";

        var result = await Host.Client.SubmitTravellerReportAsync(Host.Credentials, SesReports.Family, CancellationToken.None);

        result.Should().Be(new SesSubmitResult.Rejected("10121", "El establecimiento no pertenece al arrendador"));
    }

    [Test]
    public async Task A_minor_without_parentesco_is_rejected_with_a_description_naming_the_element()
    {
        var report = SesReports.Family with { Persons = [SesReports.SpanishMother, SesReports.Daughter with { Relationship = null }] };

        var result = await Host.Client.SubmitTravellerReportAsync(Host.Credentials, report, CancellationToken.None);

        var rejected = result.Should().BeOfType<SesSubmitResult.Rejected>().Subject;
        rejected.Code.Should().Be(FakeSes.DataRejectionCode);
        rejected.Description.Should().Contain("persona[2]/parentesco");
    }

    [Test]
    public async Task A_Spanish_address_without_an_INE_code_is_rejected()
    {
        var report = SesReports.Single(SesReports.SpanishMother with { Address = SesReports.MadridAddress with { MunicipalityCode = null, MunicipalityName = "Madrid" } });

        var result = await Host.Client.SubmitTravellerReportAsync(Host.Credentials, report, CancellationToken.None);

        result.Should().BeOfType<SesSubmitResult.Rejected>().Which.Description.Should().Contain("codigoMunicipio");
    }

    [Test]
    public async Task Return_code_10999_on_submit_is_a_transient_failure()
    {
        Host.Fake.Mode = FakeSesMode.TransientReturnCode;

        var act = () => Host.Client.SubmitTravellerReportAsync(Host.Credentials, SesReports.Family, CancellationToken.None);

        (await act.Should().ThrowAsync<SesException>()).Which.Kind.Should().Be(SesErrorKind.Transient);
    }

    [Test]
    public async Task Return_code_10999_on_a_batch_query_is_a_transient_failure()
    {
        Host.Fake.Mode = FakeSesMode.TransientReturnCode;

        var act = () => Host.Client.GetBatchStatusAsync(Host.Credentials, Guid.NewGuid().ToString(), CancellationToken.None);

        (await act.Should().ThrowAsync<SesException>()).Which.Kind.Should().Be(SesErrorKind.Transient);
    }

    [Test]
    public async Task HTTP_503_is_a_transient_failure()
    {
        Host.Fake.Mode = FakeSesMode.ServiceUnavailable;

        var act = () => Host.Client.SubmitTravellerReportAsync(Host.Credentials, SesReports.Family, CancellationToken.None);

        (await act.Should().ThrowAsync<SesException>()).Which.Kind.Should().Be(SesErrorKind.Transient);
    }

    [Test]
    public async Task No_answer_within_the_configured_timeout_leaves_the_outcome_unknown()
    {
        Host.Fake.Mode = FakeSesMode.NeverAnswers;

        var call = Host.Client.SubmitTravellerReportAsync(Host.Credentials, SesReports.Family, CancellationToken.None);
        Host.Time.Advance(TimeSpan.FromSeconds(SesTestHost.TimeoutSeconds + 1));
        var act = () => call;

        var thrown = (await act.Should().ThrowAsync<SesException>()).Which;
        thrown.Kind.Should().Be(SesErrorKind.OutcomeUnknown);
        thrown.Reason.Should().Contain("did not answer within 30 s");
    }

    [Test]
    public async Task A_wrong_password_is_Unauthorized()
    {
        var wrong = Host.Credentials with { Password = "not-the-password" };

        var act = () => Host.Client.SubmitTravellerReportAsync(wrong, SesReports.Family, CancellationToken.None);

        (await act.Should().ThrowAsync<SesException>()).Which.Kind.Should().Be(SesErrorKind.Unauthorized);
        Host.Fake.ReceivedReports.Should().BeEmpty();
    }

    [Test]
    public async Task An_unknown_lote_is_a_rejection_carrying_SES_description()
    {
        var act = () => Host.Client.GetBatchStatusAsync(Host.Credentials, "no-such-lote", CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<SesException>()).Which;
        thrown.Kind.Should().Be(SesErrorKind.Rejected);
        thrown.Reason.Should().Contain(FakeSes.DataRejectionCode).And.Contain("no-such-lote");
    }

    [Test]
    public async Task Credentials_never_appear_in_exception_messages()
    {
        var credentials = Host.Credentials;
        var failures = new List<SesException>
        {
            await Failure(() => Host.Client.SubmitTravellerReportAsync(credentials with { Password = "Wr0ng-" + credentials.Password }, SesReports.Family, CancellationToken.None)),
            await Failure(() => Host.Client.ValidateCredentialsAsync(credentials with { Username = "nobody" }, CancellationToken.None)),
            await Failure(() => Host.Client.GetBatchStatusAsync(credentials, "no-such-lote", CancellationToken.None)),
        };
        Host.Fake.Mode = FakeSesMode.ServiceUnavailable;
        failures.Add(await Failure(() => Host.Client.SubmitTravellerReportAsync(credentials, SesReports.Family, CancellationToken.None)));
        Host.Fake.Mode = FakeSesMode.TransientReturnCode;
        failures.Add(await Failure(() => Host.Client.ValidateCredentialsAsync(credentials, CancellationToken.None)));

        failures.Select(f => f.ToString()).Should().AllSatisfy(text =>
        {
            text.Should().NotContain(credentials.Password);
            text.Should().NotContain(credentials.Username);
        });
        credentials.ToString().Should().NotContain(credentials.Password).And.NotContain(credentials.Username);
    }

    private static async Task<SesException> Failure(Func<Task> call) =>
        (await call.Should().ThrowAsync<SesException>()).Which;
}
