using CrmKit.Core.Storage;

namespace CrmKit.Storage.Conformance;

/// <summary>Attachment metadata: rows per record, listed in attach order, moved between stores with a compare-and-set.</summary>
public abstract partial class CrmStoreConformanceTests
{
    private static readonly Guid AttachedRecord = Guid.Parse("0195a000-0000-7000-8000-000000000001");

    private static StoredAttachment Attachment(Guid id, string store = "local", int minute = 0, Guid? record = null) => new()
    {
        Id = id,
        Entity = "deal",
        RecordId = record ?? AttachedRecord,
        FileName = "Счёт №1.pdf",
        ContentType = "application/pdf",
        Length = 5_000_000_000,
        Sha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        Store = store,
        Key = "attachments/deal/" + id.ToString("N"),
        CreatedAt = new DateTimeOffset(2025, 3, 5, 10, minute, 0, TimeSpan.Zero),
        CreatedBy = "alice",
    };

    private static Guid AttachmentId(int n) => Guid.Parse($"0195a100-0000-7000-8000-{n:D12}");

    [SkippableFact]
    public async Task InsertAttachment_ShouldStoreEveryColumn_AndDeleteShouldRemoveIt()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
        var written = Attachment(AttachmentId(1));

        await WriteAsync(store, s => s.InsertAttachmentAsync(written, Ct));

        var read = await ReadAsync(store, s => s.GetAttachmentAsync(written.Id, Ct));
        read.ShouldNotBeNull();
        read.ShouldBeEquivalentTo(written);
        (await WriteAsync(store, s => s.DeleteAttachmentAsync(written.Id, Ct))).ShouldBeTrue();
        (await WriteAsync(store, s => s.DeleteAttachmentAsync(written.Id, Ct))).ShouldBeFalse();
        (await ReadAsync(store, s => s.GetAttachmentAsync(written.Id, Ct))).ShouldBeNull();
    }

    [SkippableFact]
    public async Task ListAttachments_ShouldReturnOneRecordsFiles_InAttachOrder()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
        var other = Guid.Parse("0195a000-0000-7000-8000-000000000002");
        await WriteAsync(store, async s =>
        {
            await s.InsertAttachmentAsync(Attachment(AttachmentId(3), minute: 1), Ct);
            await s.InsertAttachmentAsync(Attachment(AttachmentId(2), minute: 2), Ct);
            await s.InsertAttachmentAsync(Attachment(AttachmentId(1), minute: 3), Ct);
            await s.InsertAttachmentAsync(Attachment(AttachmentId(4), minute: 0, record: other), Ct);
        });

        var listed = await ReadAsync(store, s => s.ListAttachmentsAsync("deal", AttachedRecord, Ct));

        listed.Select(a => a.Id).ShouldBe([AttachmentId(3), AttachmentId(2), AttachmentId(1)]);
        (await ReadAsync(store, s => s.ListAttachmentsAsync("contact", AttachedRecord, Ct))).ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task AttachmentsOutsideStore_ShouldPageById_AndMoveShouldBeACompareAndSet()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
        await WriteAsync(store, async s =>
        {
            for (var i = 1; i <= 5; i++)
            {
                await s.InsertAttachmentAsync(Attachment(AttachmentId(i), i == 3 ? "s3" : "local"), Ct);
            }
        });

        var first = await ReadAsync(store, s => s.ListAttachmentsOutsideStoreAsync("s3", null, 2, Ct));
        var second = await ReadAsync(store, s => s.ListAttachmentsOutsideStoreAsync("s3", first[^1].Id, 2, Ct));

        first.Select(a => a.Id).ShouldBe([AttachmentId(1), AttachmentId(2)]);
        second.Select(a => a.Id).ShouldBe([AttachmentId(4), AttachmentId(5)]);
        (await WriteAsync(store, s => s.MoveAttachmentAsync(AttachmentId(1), "local", "s3", Ct))).ShouldBeTrue();
        (await WriteAsync(store, s => s.MoveAttachmentAsync(AttachmentId(1), "local", "s3", Ct))).ShouldBeFalse();
        (await ReadAsync(store, s => s.GetAttachmentAsync(AttachmentId(1), Ct)))!.Store.ShouldBe("s3");
        var counts = await ReadAsync(store, s => s.CountAttachmentsByStoreAsync(Ct));
        counts["s3"].ShouldBe(2);
        counts["local"].ShouldBe(3);
    }

    [SkippableFact]
    public async Task InsertAttachment_ShouldRollBack_WithItsSession()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);

        await using (var session = await store.BeginAsync(write: true, Ct))
        {
            await session.InsertAttachmentAsync(Attachment(AttachmentId(9)), Ct);
        }

        (await ReadAsync(store, s => s.GetAttachmentAsync(AttachmentId(9), Ct))).ShouldBeNull();
    }
}
