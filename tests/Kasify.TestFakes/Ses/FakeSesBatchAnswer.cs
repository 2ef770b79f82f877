namespace Kasify.TestFakes.Ses;

/// <summary>One <c>resultado</c> of a batch query answer.</summary>
internal sealed record FakeSesBatchAnswer(
    string Lote,
    string State,
    string StateDescription,
    IReadOnlyList<FakeSesCommunicationResult> Results,
    bool MisspellResultTag);
