namespace Kasify.Application.Ses;

/// <summary>The <c>contrato</c> block. Check-in and check-out are the establishment's local wall-clock times.</summary>
public sealed record SesContract(
    string Reference,
    DateOnly ContractDate,
    DateTime CheckInLocal,
    DateTime CheckOutLocal,
    int PersonCount,
    int? RoomCount,
    bool? Internet,
    string PaymentType,
    DateOnly? PaymentDate);
