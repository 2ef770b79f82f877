namespace Kasify.Application.Ses;

/// <param name="Order">The <c>orden</c> of the communication inside the batch (1-based).</param>
/// <param name="CommunicationCode">The <c>codigoComunicacion</c> SES assigned; keep it as proof of the report.</param>
public sealed record SesCommunicationAccepted(int Order, string CommunicationCode);
