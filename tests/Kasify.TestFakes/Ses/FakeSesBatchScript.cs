namespace Kasify.TestFakes.Ses;

/// <summary>
/// How the fake answers queries for one lote: <see cref="ProcessingAnswers"/> times "still processing",
/// then <see cref="FinalState"/> with <see cref="Results"/> for every later query.
/// </summary>
public sealed record FakeSesBatchScript
{
    public int ProcessingAnswers { get; init; }

    /// <summary><c>codigoEstado</c> while processing: 4 or 5 per the spec.</summary>
    public string ProcessingState { get; init; } = "4";

    public string FinalState { get; init; } = "1";

    public string FinalStateDescription { get; init; } = "Tramitado";

    public IReadOnlyList<FakeSesCommunicationResult> Results { get; init; } = [];

    /// <summary>Use the spec's misspelled item tag <c>resutadoComunicacion</c>.</summary>
    public bool MisspellResultTag { get; init; }

    public static FakeSesBatchScript Processed(params string[] communicationCodes) =>
        new() { Results = communicationCodes.Select((code, i) => FakeSesCommunicationResult.Ok(i + 1, code)).ToList() };

    public static FakeSesBatchScript ProcessedWithErrors(params FakeSesCommunicationResult[] results) =>
        new() { FinalState = "6", FinalStateDescription = "Tramitado con errores", Results = results };

    public static FakeSesBatchScript Rejected(params FakeSesCommunicationResult[] results) =>
        new() { FinalState = "2", FinalStateDescription = "Rechazado", Results = results };
}
