using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace CrmKit.AspNetCore.Tests.Infrastructure;

/// <summary>
/// The real server (CrmKit.Server's Program) over a real SQLite file in a fresh temporary directory. One instance per
/// test class (a class fixture); the directory is deleted afterwards.
/// </summary>
public sealed class CrmKitServerFactory : WebApplicationFactory<Program>
{
    private readonly string _directory =
        Path.Combine(Path.GetTempPath(), "crmkit-web-tests", Guid.NewGuid().ToString("N"));

    public CrmKitServerFactory()
    {
        Directory.CreateDirectory(_directory);
    }

    /// <summary>The database file.</summary>
    public string DatabasePath => Path.Combine(_directory, "crmkit.db");

    /// <summary>Settings added on top of appsettings.json, as a host's configuration would.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("CrmKit:Storage:ConnectionString", "Data Source=" + DatabasePath);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on some platform; the temp directory is cleaned by the OS eventually.
            }
        }
    }
}
