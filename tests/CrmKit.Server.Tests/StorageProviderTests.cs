using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace CrmKit.Server.Tests;

/// <summary>CrmKit:Storage:Provider chooses the store: PostgreSQL when configured, with clear errors for bad settings.</summary>
public sealed class StorageProviderTests : IDisposable
{
    private readonly PostgresTestDatabase? _database = PostgresTestDatabase.TryCreate();
    private readonly string _directory = Directory.CreateTempSubdirectory("crmkit-provider-").FullName;

    [SkippableFact]
    public async Task Server_ShouldKeepItsDataInPostgreSql_WhenTheProviderSaysSo()
    {
        Skip.If(_database is null, PostgresTestDatabase.SkipReason);
        using var server = await ServerProcess.StartAsync(
            _directory, "--CrmKit:Storage:Provider=PostgreSql", "--CrmKit:Storage:ConnectionString=" + _database.ConnectionString);

        using var created = await server.Client.PostAsJsonAsync("/api/records/note", new JsonObject { ["body"] = "stored in PostgreSQL" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        File.Exists(Path.Combine(_directory, "crmkit.db")).ShouldBeFalse("no SQLite file when the store is PostgreSQL");
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM crm_schema_migrations", connection);
        Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        (await server.Client.GetStringAsync("/api/records/note/" + id)).ShouldContain("stored in PostgreSQL");
    }

    [Theory]
    [InlineData("--CrmKit:Storage:Provider=Oracle", "is 'Oracle'; use Sqlite (the default) or PostgreSql")]
    [InlineData("--CrmKit:Storage:Provider=PostgreSql", "set CrmKit:Storage:ConnectionString to a PostgreSQL connection string")]
    public async Task Server_ShouldRefuseToStart_WithAClearMessage(string setting, string message)
    {
        var (exitCode, output) = await RunServerAsync("--urls", "http://127.0.0.1:0", setting);

        exitCode.ShouldNotBe(0);
        output.ShouldContain(message);
    }

    [SkippableFact]
    public async Task Migrate_ShouldApplyThePostgreSqlMigrationsOnce_AndExitWithoutServing()
    {
        Skip.If(_database is null, PostgresTestDatabase.SkipReason);
        string[] settings = ["--CrmKit:Storage:Provider=PostgreSql", "--CrmKit:Storage:ConnectionString=" + _database.ConnectionString];

        var first = await RunServerAsync(["migrate", .. settings]);
        var second = await RunServerAsync(["db", "migrate", .. settings]);

        first.ExitCode.ShouldBe(0, first.Output);
        first.Output.ShouldContain("applied 7 migration(s): 0001 metadata");
        second.ExitCode.ShouldBe(0, second.Output);
        second.Output.ShouldContain("up to date; no migration applied");
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM crm_schema_migrations", connection);
        Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(7);
    }

    [SkippableFact]
    public async Task Server_ShouldBuildANewFieldIndexInTheBackground_AndShowItsState()
    {
        Skip.If(_database is null, PostgresTestDatabase.SkipReason);
        using var server = await ServerProcess.StartAsync(
            _directory, "--CrmKit:Storage:Provider=PostgreSql", "--CrmKit:Storage:ConnectionString=" + _database.ConnectionString);
        for (var i = 0; i < 20; i++)
        {
            using var created = await server.Client.PostAsJsonAsync("/api/records/note", new JsonObject { ["body"] = "note " + i });
            created.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        using var added = await server.Client.PostAsJsonAsync("/api/metadata/entities/note/fields", new JsonObject
        {
            ["name"] = "topic",
            ["schema"] = new JsonObject { ["x-crm-type"] = "text", ["x-crm-indexed"] = true },
        });
        added.StatusCode.ShouldBe(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());

        // The node that made the change starts the build at once; the list shows it until, and after, it is ready.
        JsonObject? build = null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (build?["state"]?.GetValue<string>() != "ready")
        {
            await Task.Delay(100, timeout.Token);
            var list = await server.Client.GetFromJsonAsync<JsonObject>("/api/metadata/index-builds", timeout.Token);
            build = list!["items"]!.AsArray().OfType<JsonObject>().SingleOrDefault(b => b["field"]!.GetValue<string>() == "topic");
            build.ShouldNotBeNull(list.ToJsonString());
        }

        build["entity"]!.GetValue<string>().ShouldBe("note");
        build["index"]!.GetValue<string>().ShouldBe("ix_note__topic");
        build["finishedAt"].ShouldNotBeNull();
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT indisvalid FROM pg_index WHERE indexrelid = 'ix_note__topic'::regclass", connection);
        (await command.ExecuteScalarAsync()).ShouldBe(true);
    }

    [Fact]
    public async Task IndexBuilds_ShouldBeAnEmptyList_OnSqlite()
    {
        using var server = await ServerProcess.StartAsync(_directory);

        var list = await server.Client.GetFromJsonAsync<JsonObject>("/api/metadata/index-builds");

        list!["items"]!.AsArray().Count.ShouldBe(0);
    }

    [Fact]
    public async Task Migrate_ShouldCreateTheSqliteFile_AndExit()
    {
        var (exitCode, output) = await RunServerAsync("migrate");

        exitCode.ShouldBe(0, output);
        output.ShouldContain("SQLite: the database file is up to date.");
        File.Exists(Path.Combine(_directory, "crmkit.db")).ShouldBeTrue();
        output.ShouldNotContain("Now listening");
    }

    private async Task<(int ExitCode, string Output)> RunServerAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _directory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(ServerProcess.ServerDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("MSBuildSDKsPath");
        info.Environment.Remove("MSBUILD_EXE_PATH");
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await output) + (await error));
    }

    public void Dispose()
    {
        _database?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans its temp folder.
        }
    }
}
