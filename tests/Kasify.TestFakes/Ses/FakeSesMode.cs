namespace Kasify.TestFakes.Ses;

public enum FakeSesMode
{
    /// <summary>Valid altas get <c>codigoRetorno</c> 0 and a new lote UUID; invalid ones get 10121.</summary>
    Accept,

    /// <summary>Every alta gets <see cref="FakeSes.RejectionCode"/> and <see cref="FakeSes.RejectionDescription"/>.</summary>
    RejectData,

    /// <summary>Every call gets <c>codigoRetorno</c> 10999 (SES busy, retry later).</summary>
    TransientReturnCode,

    /// <summary>Every call gets HTTP 503.</summary>
    ServiceUnavailable,

    /// <summary>Calls hang without an answer until the fake is disposed (for client timeouts).</summary>
    NeverAnswers,

    /// <summary>
    /// Altas are taken (a lote is issued and queries will find it) but the answer is held until
    /// <see cref="FakeSes.ReleaseHeldAnswers"/> or disposal: the caller times out not knowing it was accepted.
    /// </summary>
    AcceptThenHoldAnswer,
}
