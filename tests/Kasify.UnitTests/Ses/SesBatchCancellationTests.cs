using Kasify.Application.Ses;
using Kasify.TestFakes.Ses;

namespace Kasify.UnitTests.Ses;

public sealed class SesBatchCancellationTests : SesClientTestBase
{
    [Test]
    public async Task An_anulacion_cancels_an_issued_lote_once()
    {
        var accepted = (SesSubmitResult.Accepted)await Host.Client.SubmitTravellerReportAsync(Host.Credentials, SesReports.Family, CancellationToken.None);

        await Host.Client.CancelBatchAsync(Host.Credentials, accepted.BatchId, CancellationToken.None);
        var again = () => Host.Client.CancelBatchAsync(Host.Credentials, accepted.BatchId, CancellationToken.None);

        Host.Fake.CancelledBatches.Should().Equal(accepted.BatchId);
        (await again.Should().ThrowAsync<SesException>()).Which.Kind.Should().Be(SesErrorKind.Rejected);
    }

    [Test]
    public async Task An_anulacion_of_an_unknown_lote_is_rejected_and_an_outage_is_transient()
    {
        var unknown = () => Host.Client.CancelBatchAsync(Host.Credentials, "no-such-lote", CancellationToken.None);
        (await unknown.Should().ThrowAsync<SesException>()).Which.Reason.Should().Contain("no-such-lote");

        Host.Fake.Mode = FakeSesMode.ServiceUnavailable;
        var during = () => Host.Client.CancelBatchAsync(Host.Credentials, "any", CancellationToken.None);
        (await during.Should().ThrowAsync<SesException>()).Which.Kind.Should().Be(SesErrorKind.Transient);
    }

    [Test]
    public async Task An_alta_whose_answer_is_held_past_the_timeout_is_taken_by_SES_but_unknown_to_the_caller()
    {
        Host.Fake.Mode = FakeSesMode.AcceptThenHoldAnswer;

        var call = Host.Client.SubmitTravellerReportAsync(Host.Credentials, SesReports.Family, CancellationToken.None);
        await Host.Fake.WaitForReportsAsync(1);
        Host.Time.Advance(TimeSpan.FromSeconds(SesTestHost.TimeoutSeconds + 1));
        var act = () => call;

        (await act.Should().ThrowAsync<SesException>()).Which.Kind.Should().Be(SesErrorKind.OutcomeUnknown);
        Host.Fake.ReceivedReports.Single().Lote.Should().NotBeNull("SES took it");
        Host.Fake.ReleaseHeldAnswers();
    }
}
