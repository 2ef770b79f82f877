namespace Kasify.Domain.AccessCodes;

public enum AccessCodeStatus { Pending, Active, Failed, Revoking, Revoked }
