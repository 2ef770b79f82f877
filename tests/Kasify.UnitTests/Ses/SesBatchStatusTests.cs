using Kasify.Application.Ses;
using Kasify.TestFakes.Ses;

namespace Kasify.UnitTests.Ses;

public sealed class SesBatchStatusTests : SesClientTestBase
{
    [Test]
    public async Task A_batch_is_processing_until_SES_has_processed_it_and_then_gives_the_communication_code()
    {
        var lote = await SubmitFamily();
        Host.Fake.ScriptBatch(lote, FakeSesBatchScript.Processed("PV-2026-000123") with { ProcessingAnswers = 2 });

        var first = await Query(lote);
        var second = await Query(lote);
        var third = await Query(lote);

        first.Should().BeOfType<SesBatchStatus.Processing>();
        second.Should().BeOfType<SesBatchStatus.Processing>();
        third.Should().BeOfType<SesBatchStatus.Processed>()
            .Which.Communications.Should().Equal(new SesCommunicationAccepted(1, "PV-2026-000123"));
        Host.Fake.QueriedBatches.Should().Equal(lote, lote, lote);
    }

    [Test]
    public async Task Pending_state_5_also_reads_as_processing()
    {
        var lote = await SubmitFamily();
        Host.Fake.ScriptBatch(lote, FakeSesBatchScript.Processed("PV-1") with { ProcessingAnswers = 1, ProcessingState = "5" });

        (await Query(lote)).Should().BeOfType<SesBatchStatus.Processing>();
    }

    [Test]
    public async Task A_batch_processed_with_errors_returns_the_error_of_each_failed_communication_by_orden()
    {
        var lote = await SubmitFamily();
        Host.Fake.ScriptBatch(lote, FakeSesBatchScript.ProcessedWithErrors(
            FakeSesCommunicationResult.Ok(1, "PV-1"),
            FakeSesCommunicationResult.Failed(2, "ERROR_DATOS", "persona 3: falta parentesco"),
            FakeSesCommunicationResult.Failed(3, "ERROR_DATOS", "persona 1: documento no válido")));

        var status = await Query(lote);

        var withErrors = status.Should().BeOfType<SesBatchStatus.ProcessedWithErrors>().Subject;
        withErrors.Communications.Should().Equal(new SesCommunicationAccepted(1, "PV-1"));
        withErrors.Errors.Should().Equal(
            new SesCommunicationError(2, "ERROR_DATOS", "persona 3: falta parentesco"),
            new SesCommunicationError(3, "ERROR_DATOS", "persona 1: documento no válido"));
    }

    [Test]
    public async Task A_rejected_batch_returns_its_state_description_and_errors()
    {
        var lote = await SubmitFamily();
        Host.Fake.ScriptBatch(lote, FakeSesBatchScript.Rejected(FakeSesCommunicationResult.Failed(1, "ERROR_FORMATO", "XML no válido")));

        var status = await Query(lote);

        var rejected = status.Should().BeOfType<SesBatchStatus.Rejected>().Subject;
        rejected.StateDescription.Should().Be("Rechazado");
        rejected.Errors.Should().Equal(new SesCommunicationError(1, "ERROR_FORMATO", "XML no válido"));
    }

    [Test]
    public async Task The_misspelled_resutadoComunicacion_tag_is_read_like_the_correct_one()
    {
        var lote = await SubmitFamily();
        Host.Fake.ScriptBatch(lote, FakeSesBatchScript.Processed("PV-77") with { MisspellResultTag = true });

        var status = await Query(lote);

        status.Should().BeOfType<SesBatchStatus.Processed>()
            .Which.Communications.Should().Equal(new SesCommunicationAccepted(1, "PV-77"));
    }

    [Test]
    public async Task Batch_state_3_is_a_transient_failure_to_ask_about_again_later()
    {
        var lote = await SubmitFamily();
        Host.Fake.ScriptBatch(lote, new FakeSesBatchScript { FinalState = "3", FinalStateDescription = "Reintentar" });

        var act = () => Query(lote);

        (await act.Should().ThrowAsync<SesException>()).Which.Kind.Should().Be(SesErrorKind.Transient);
    }

    private async Task<string> SubmitFamily()
    {
        var result = await Host.Client.SubmitTravellerReportAsync(Host.Credentials, SesReports.Family, CancellationToken.None);
        return result.Should().BeOfType<SesSubmitResult.Accepted>().Subject.BatchId;
    }

    private Task<SesBatchStatus> Query(string lote) => Host.Client.GetBatchStatusAsync(Host.Credentials, lote, CancellationToken.None);
}
