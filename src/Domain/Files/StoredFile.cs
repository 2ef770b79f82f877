namespace Kasify.Domain.Files;

/// <summary>An uploaded file kept in the database so that every API instance can serve it.</summary>
public sealed class StoredFile
{
    private StoredFile() { }

    public StoredFile(Guid accountId, string originalFileName, string contentType, byte[] content, DateTime now)
    {
        AccountId = accountId;
        OriginalFileName = originalFileName;
        ContentType = contentType;
        Content = content;
        SizeBytes = content.LongLength;
        CreatedAt = now;
    }

    public Guid Id { get; private set; } = Guid.NewGuid(); // random, not v7: the id is the public, unguessable URL
    public Guid AccountId { get; private set; }
    public string OriginalFileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public byte[] Content { get; private set; } = [];
    public DateTime CreatedAt { get; private set; }
}
