namespace CrmKit.Plugins.S3;

/// <summary>Where and how the S3 store keeps content (the plugin's settings; docs/integrations/files.md).</summary>
public sealed class S3StoreOptions
{
    /// <summary>The smallest part of a multipart upload S3 accepts (except the last).</summary>
    public const int MinPartSize = 5 * 1024 * 1024;

    /// <summary>The service address, for example <c>https://s3.eu-central-1.amazonaws.com</c> or <c>http://127.0.0.1:9000</c>.</summary>
    public required Uri ServiceUrl { get; init; }

    /// <summary>The bucket; it must exist.</summary>
    public required string Bucket { get; init; }

    /// <summary>The access key id.</summary>
    public required string AccessKey { get; init; }

    /// <summary>The secret access key.</summary>
    public required string SecretKey { get; init; }

    /// <summary>The signing region (default <c>us-east-1</c>).</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>Prepended to every key (for example <c>crm/</c>), so that one bucket can hold several installations.</summary>
    public string Prefix { get; init; } = "";

    /// <summary>Path-style addresses (<c>host/bucket/key</c>), which MinIO and emulators need (default true).</summary>
    public bool ForcePathStyle { get; init; } = true;

    /// <summary>
    /// The part size of uploads, in bytes (default 8 MiB, at least 5 MiB): content is sent a part at a time, so one
    /// upload holds one part in memory. Content up to one part goes in a single PUT.
    /// </summary>
    public int PartSize { get; init; } = 8 * 1024 * 1024;

    /// <summary>How long one request may take before the store counts as unavailable (default 5 minutes).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">A required option is missing or out of range.</exception>
    public void Validate()
    {
        if (!ServiceUrl.IsAbsoluteUri || ServiceUrl.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException("ServiceUrl must be an absolute http or https address.", nameof(ServiceUrl));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(Bucket);
        ArgumentException.ThrowIfNullOrWhiteSpace(AccessKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(SecretKey);
        ArgumentOutOfRangeException.ThrowIfLessThan(PartSize, MinPartSize);
        if (Prefix.Length > 0 && !Prefix.EndsWith('/'))
        {
            throw new ArgumentException("Prefix must end with '/'.", nameof(Prefix));
        }
    }
}
