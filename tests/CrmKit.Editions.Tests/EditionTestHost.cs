using System.Text.Json.Nodes;
using CrmKit.Core;
using CrmKit.Core.Editions;
using CrmKit.Core.Metadata;
using CrmKit.Core.Storage;
using CrmKit.Core.Templates;
using CrmKit.Core.Workflows;
using CrmKit.Distribution;
using CrmKit.Editions.Packing;
using CrmKit.Plugins;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;
using CrmKit.Storage.PostgreSql;
using CrmKit.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace CrmKit.Editions.Tests;

/// <summary>
/// A real CrmKit host (SQLite file, or a fresh PostgreSQL database when <c>CRMKIT_TEST_POSTGRES</c> is set) with the
/// plugin runtime, plugin distribution and editions, started as a host starts it.
/// </summary>
internal sealed class EditionTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly Action? _cleanup;

    private EditionTestHost(string root, ServiceProvider provider, Action? cleanup)
    {
        Root = root;
        _provider = provider;
        _cleanup = cleanup;
    }

    public static CrmPrincipal Admin { get; } = new("admin", "Admin", ["administrator"], CrmChannel.Rest);

    /// <summary>"sqlite", plus "postgresql" when CRMKIT_TEST_POSTGRES is set.</summary>
    public static TheoryData<string> Providers
    {
        get
        {
            var data = new TheoryData<string> { "sqlite" };
            if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("CRMKIT_TEST_POSTGRES")))
            {
                data.Add("postgresql");
            }

            return data;
        }
    }

    public string Root { get; }

    public IServiceProvider Services => _provider;

    public IEditionService Editions => _provider.GetRequiredService<IEditionService>();

    internal EditionService EditionService => _provider.GetRequiredService<EditionService>();

    public IMetadataService Metadata => _provider.GetRequiredService<IMetadataService>();

    public IRecordService Records => _provider.GetRequiredService<IRecordService>();

    public IWorkflowDefinitionService Workflows => _provider.GetRequiredService<IWorkflowDefinitionService>();

    public WorkflowRegistry WorkflowRegistry => _provider.GetRequiredService<WorkflowRegistry>();

    public ITemplateService Templates => _provider.GetRequiredService<ITemplateService>();

    public ICrmStore Store => _provider.GetRequiredService<ICrmStore>();

    public static async Task<EditionTestHost> StartAsync(string provider = "sqlite", Action<EditionOptions>? configure = null, string? root = null)
    {
        root ??= Directory.CreateTempSubdirectory("crmkit-editions-").FullName;
        var services = new ServiceCollection();
        var crm = services.AddCrmKit(o => o.MetadataRefreshInterval = TimeSpan.Zero);
        Action? cleanup = null;
        if (provider == "postgresql")
        {
            var database = CreatePostgresDatabase();
            crm.UsePostgreSql(database.ConnectionString);
            cleanup = database.Dispose;
        }
        else
        {
            crm.UseSqlite($"Data Source={Path.Combine(root, "crm.db")};Pooling=False");
        }

        crm.AddPlugins(o =>
            {
                o.Directory = Path.Combine(root, "plugins");
                o.WatchDirectory = false;
            })
            .AddPluginPackages(o =>
            {
                o.NuGetConfig = Path.Combine(root, "nuget.config");
                o.LockFile = Path.Combine(root, "plugins.lock.json");
            })
            .AddEditions(o =>
            {
                o.PackageFolder = Path.Combine(root, "edition-packages");
                configure?.Invoke(o);
            });
        var built = services.BuildServiceProvider();
        foreach (var hosted in built.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return new EditionTestHost(root, built, cleanup);
    }

    /// <summary>Packs an edition folder and applies the package (as the server does after fetching it from a feed).</summary>
    public async Task<EditionPlan> ApplyAsync(EditionFolder edition, EditionOperation operation = EditionOperation.Install)
    {
        var fetched = Pack(edition);
        return await EditionService.ApplyAsync(fetched, new EditionRequest { Id = fetched.Content.Id, Operation = operation }, Admin, CancellationToken.None);
    }

    /// <summary>Packs an edition folder and plans the package.</summary>
    public async Task<EditionPlan> PlanAsync(EditionFolder edition, EditionOperation operation = EditionOperation.Install)
    {
        var fetched = Pack(edition);
        return (await EditionService.PlanAsync(fetched.Content, "test", new EditionRequest { Id = fetched.Content.Id, Operation = operation }, CancellationToken.None)).Plan;
    }

    internal FetchedEdition Pack(EditionFolder edition)
    {
        var package = EditionPackager.Pack(edition.Root, Path.Combine(Root, "packed", Guid.NewGuid().ToString("N")));
        return EditionFeed.Open(package, "test", "sha");
    }

    public async Task<CrmRecord> CreateAsync(string entity, string json) =>
        (await Records.CreateAsync(Admin, entity, [JsonNode.Parse(json)!.AsObject()]))[0];

    public async Task<IReadOnlyList<CrmRecord>> AllAsync(string entity) =>
        (await Records.QueryAsync(Admin, entity, new RecordQuery { Limit = 1000 })).Items;

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in _provider.GetServices<IHostedService>().Reverse())
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        await _provider.DisposeAsync();
        _cleanup?.Invoke();
    }

    /// <summary>A fresh PostgreSQL database on the CRMKIT_TEST_POSTGRES server, dropped on dispose.</summary>
    public static PostgresDatabase CreatePostgresDatabase()
    {
        var admin = Environment.GetEnvironmentVariable("CRMKIT_TEST_POSTGRES")!;
        var name = "crm_editions_" + Guid.NewGuid().ToString("N")[..12];
        Execute(admin, $"CREATE DATABASE {name}");
        return new PostgresDatabase(new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString, () =>
        {
            NpgsqlConnection.ClearAllPools();
            Execute(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        });
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>A throwaway PostgreSQL database.</summary>
internal sealed class PostgresDatabase(string connectionString, Action drop) : IDisposable
{
    public string ConnectionString { get; } = connectionString;

    public void Dispose() => drop();
}
