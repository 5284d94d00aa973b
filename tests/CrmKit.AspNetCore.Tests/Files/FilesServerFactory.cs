using CrmKit.AspNetCore.Tests.Infrastructure;
using CrmKit.Core.Files;
using CrmKit.Sdk.Files;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.AspNetCore.Tests.Files;

/// <summary>
/// The real server with the built-in <c>local</c> store in a temporary folder and, as a host may add one, a second
/// local store named <c>archive</c> to migrate to. Subclasses change the file settings.
/// </summary>
public class FilesServerFactory() : TestServerFactory("crmkit-files-")
{
    public string LocalRoot => Path.Combine(Directory, "files");

    public string ArchiveRoot => Path.Combine(Directory, "archive");

    /// <summary>Every file under a store's folder (partial uploads included), relative to it.</summary>
    public static IReadOnlyList<string> FilesUnder(string root) =>
        System.IO.Directory.Exists(root)
            ? System.IO.Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).ToList()
            : [];

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("CrmKit:Files:LocalRoot", LocalRoot);
        builder.ConfigureServices(services =>
            services.AddKeyedSingleton<IFileStore>("archive", (_, _) => new LocalFileStore(ArchiveRoot)));
        ConfigureFiles(builder);
    }

    protected virtual void ConfigureFiles(IWebHostBuilder builder)
    {
    }
}

/// <summary>Files of at most 1000 bytes, images and PDF only.</summary>
public sealed class LimitedFilesServerFactory : FilesServerFactory
{
    protected override void ConfigureFiles(IWebHostBuilder builder)
    {
        builder.UseSetting("CrmKit:Files:MaxFileBytes", "1000");
        builder.UseSetting("CrmKit:Files:AllowedContentTypes:0", "image/*");
        builder.UseSetting("CrmKit:Files:AllowedContentTypes:1", "application/pdf");
    }
}

/// <summary>The local store's folder lies under a regular file, so that the store cannot write: unavailable.</summary>
public sealed class BrokenStoreServerFactory : FilesServerFactory
{
    protected override void ConfigureFiles(IWebHostBuilder builder)
    {
        var blocker = Path.Combine(Directory, "not-a-folder");
        File.WriteAllText(blocker, "x");
        builder.UseSetting("CrmKit:Files:LocalRoot", Path.Combine(blocker, "files"));
    }
}
