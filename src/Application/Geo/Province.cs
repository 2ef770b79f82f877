namespace Kasify.Application.Geo;

/// <summary>A Spanish province; <paramref name="Code"/> is the 2-digit INE code.</summary>
public sealed record Province(Guid Id, string Code, string Name);
