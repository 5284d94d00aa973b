using CrmKit.Plugins.S3;
using CrmKit.Sdk.Files;

namespace CrmKit.Files.Tests;

/// <summary>
/// The S3 store against a real S3-compatible server: test.sh starts the s3rver emulator and sets
/// <c>CRMKIT_TEST_S3</c> (<c>ServiceUrl=...;Bucket=...;AccessKey=...;SecretKey=...;Region=...</c>). Each test works under
/// a key prefix of its own.
/// </summary>
public sealed class S3FileStoreTests : FileStoreConformanceTests, IDisposable
{
    public const string Variable = "CRMKIT_TEST_S3";
    private readonly List<IDisposable> _stores = [];

    public static S3StoreOptions? Options(string prefix)
    {
        var text = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var values = text.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        return new S3StoreOptions
        {
            ServiceUrl = new Uri(values["ServiceUrl"]),
            Bucket = values["Bucket"],
            AccessKey = values["AccessKey"],
            SecretKey = values["SecretKey"],
            Region = values.GetValueOrDefault("Region", "us-east-1"),
            Prefix = prefix,
            PartSize = S3StoreOptions.MinPartSize,
            RequestTimeout = TimeSpan.FromSeconds(30),
        };
    }

    public void Dispose() => _stores.ForEach(s => s.Dispose());

    protected override IFileStore CreateStore()
    {
        var options = Options($"t{Guid.NewGuid():N}/");
        Skip.If(options is null, $"{Variable} is not set: no S3 server to test against (test.sh starts s3rver and sets it).");
        return Track(new S3FileStore(options));
    }

    protected override IFileStore CreateUnreachableStore()
    {
        var options = Options("unreachable/");
        Skip.If(options is null, $"{Variable} is not set: no S3 server to test against (test.sh starts s3rver and sets it).");
        return Track(new S3FileStore(new S3StoreOptions
        {
            ServiceUrl = new Uri("http://127.0.0.1:" + ClosedPort.Get()),
            Bucket = options.Bucket,
            AccessKey = options.AccessKey,
            SecretKey = options.SecretKey,
            RequestTimeout = TimeSpan.FromSeconds(5),
        }));
    }

    [SkippableTheory]
    [InlineData("unknown-access-key", null)]
    [InlineData(null, "missing-bucket")]
    public async Task RefusedCredentialsOrAMissingBucket_ShouldMakeTheStoreUnavailable(string? accessKey, string? bucket)
    {
        var options = Options($"t{Guid.NewGuid():N}/");
        Skip.If(options is null, $"{Variable} is not set.");
        var store = Track(new S3FileStore(new S3StoreOptions
        {
            ServiceUrl = options.ServiceUrl,
            Bucket = bucket ?? options.Bucket,
            AccessKey = accessKey ?? options.AccessKey,
            SecretKey = options.SecretKey,
        }));
        var key = NewKey();

        await Should.ThrowAsync<FileStoreUnavailableException>(() =>
            store.PutAsync(new FilePutRequest { Key = key, Content = new MemoryStream([1]) }, Ct));
        await Should.ThrowAsync<FileStoreUnavailableException>(() => store.OpenReadAsync(key, null, Ct));
    }

    private S3FileStore Track(S3FileStore store)
    {
        _stores.Add(store);
        return store;
    }
}
