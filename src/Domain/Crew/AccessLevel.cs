namespace Kasify.Domain.Crew;

/// <summary>A caller's role on one property (docs/api.md §2).</summary>
public enum AccessLevel { Owner, Manager, Staff, Contractor }

public enum CrewService { Cleaning, Maintenance, Pool, Gardening, Other }
