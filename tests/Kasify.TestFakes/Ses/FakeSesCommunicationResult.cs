namespace Kasify.TestFakes.Ses;

/// <summary>One <c>resultadoComunicacion</c> of a batch answer: a <c>codigoComunicacion</c> or a <c>tipoError</c>/<c>error</c>.</summary>
public sealed record FakeSesCommunicationResult(int Orden, string? CodigoComunicacion, string? TipoError, string? Error)
{
    public static FakeSesCommunicationResult Ok(int orden, string codigoComunicacion) => new(orden, codigoComunicacion, null, null);

    public static FakeSesCommunicationResult Failed(int orden, string tipoError, string error) => new(orden, null, tipoError, error);
}
