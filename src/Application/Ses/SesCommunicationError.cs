namespace Kasify.Application.Ses;

/// <param name="Order">The <c>orden</c> of the communication inside the batch (1-based).</param>
/// <param name="ErrorType">The <c>tipoError</c> SES gave, if any.</param>
/// <param name="Message">The <c>error</c> text SES gave, if any.</param>
public sealed record SesCommunicationError(int Order, string? ErrorType, string? Message);
