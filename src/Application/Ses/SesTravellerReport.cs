namespace Kasify.Application.Ses;

/// <summary>One parte de viajeros (PV): one contract and the travellers staying under it.</summary>
public sealed record SesTravellerReport(string EstablishmentCode, SesContract Contract, IReadOnlyList<SesPerson> Persons);
