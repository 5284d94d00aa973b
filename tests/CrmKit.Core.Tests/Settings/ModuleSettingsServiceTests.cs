using System.Text.Json.Nodes;
using CrmKit.Core.Settings;
using CrmKit.Core.Storage;
using CrmKit.Core.Tests.Services;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Core.Tests.Settings;

public sealed class ModuleSettingsServiceTests : IAsyncLifetime
{
    private const string Id = SettingsTestModule.ModuleId;
    private CrmTestHost _host = null!;

    private IModuleSettingsService Settings => _host.Services.GetRequiredService<IModuleSettingsService>();

    public async Task InitializeAsync() =>
        _host = await CrmTestHost.StartAsync(b => b.AddModule(new SettingsTestModule()));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Get_ShouldReturnVersionZeroAndNoValues_WhenNeverSaved()
    {
        Settings.HasSchema(Id).ShouldBeTrue();

        var view = await Settings.GetAsync(Id, CancellationToken.None);

        view.ModuleId.ShouldBe(Id);
        view.Version.ShouldBe(0);
        view.Values.Count.ShouldBe(0);
        view.SecretsSet.ShouldBeEmpty();
        view.Schema["title"]!.GetValue<string>().ShouldBe("Loyalty");
    }

    [Fact]
    public async Task Save_ShouldStoreValues_AndGetShouldReadThemBack()
    {
        var saved = await SaveAsync("""{"endpoint": "https://points.example/api", "rate": 2.25}""", expectedVersion: 0);

        saved.Version.ShouldBe(1);
        var view = await Settings.GetAsync(Id, CancellationToken.None);
        view.Version.ShouldBe(1);
        view.Values.ToJsonString().ShouldBe("""{"endpoint":"https://points.example/api","rate":2.25}""");
    }

    [Fact]
    public async Task Get_ShouldNotReturnSecrets_ButShouldNameTheOnesSet()
    {
        var saved = await SaveAsync("""{"endpoint": "https://x.example", "token": "s3cret-token"}""");

        saved.Values.ContainsKey("token").ShouldBeFalse();
        saved.SecretsSet.ShouldBe(["token"]);
        var view = await Settings.GetAsync(Id, CancellationToken.None);
        view.Values.ToJsonString().ShouldNotContain("s3cret-token");
        view.SecretsSet.ShouldBe(["token"]);
        Settings.For(Id).GetCurrent()["token"]!.GetValue<string>().ShouldBe("s3cret-token");
    }

    [Fact]
    public async Task Save_ShouldKeepAStoredSecret_WhenTheInputLeavesItOut()
    {
        await SaveAsync("""{"endpoint": "https://x.example", "token": "s3cret-token"}""");

        var view = await SaveAsync("""{"endpoint": "https://y.example"}""", expectedVersion: 1);

        view.SecretsSet.ShouldBe(["token"]);
        var current = Settings.For(Id).GetCurrent();
        current["token"]!.GetValue<string>().ShouldBe("s3cret-token");
        current["endpoint"]!.GetValue<string>().ShouldBe("https://y.example");
    }

    [Fact]
    public async Task Save_ShouldClearASecret_WhenTheInputGivesNull()
    {
        await SaveAsync("""{"endpoint": "https://x.example", "token": "s3cret-token", "webhookSecret": "w"}""");

        var view = await SaveAsync("""{"endpoint": "https://x.example", "token": null}""");

        view.SecretsSet.ShouldBe(["webhookSecret"]);
        Settings.For(Id).GetCurrent().ContainsKey("token").ShouldBeFalse();
    }

    [Fact]
    public async Task Save_ShouldReportEveryViolationWithItsPointer_AndWriteNothing()
    {
        await SaveAsync("""{"endpoint": "https://x.example", "rate": 2}""");

        var error = await Should.ThrowAsync<CrmException>(() => SaveAsync(
            """{"rate": 11, "retries": "three", "token": "short", "colour": "red"}"""));

        error.Kind.ShouldBe(CrmErrorKind.BadRequest);
        error.Code.ShouldBe(SettingsErrorCodes.Invalid);
        error.Errors.Select(e => (e.Pointer, e.Code)).OrderBy(e => e.Pointer, StringComparer.Ordinal).ShouldBe(
        [
            ("/colour", SettingsErrorCodes.UnknownProperty),
            ("/endpoint", "field.required"),
            ("/rate", "value.maximum"),
            ("/retries", "value.type"),
            ("/token", "value.min_length"),
        ]);
        error.Errors.ShouldAllBe(e => !e.Message.Get(System.Globalization.CultureInfo.GetCultureInfo("ru")).Contains("short"));
        var view = await Settings.GetAsync(Id, CancellationToken.None);
        view.Version.ShouldBe(1);
        view.Values["rate"]!.GetValue<decimal>().ShouldBe(2m);
    }

    [Fact]
    public async Task Save_ShouldThrowConflict_WhenTheVersionIsStale()
    {
        await SaveAsync("""{"endpoint": "https://x.example"}""", expectedVersion: 0);
        await SaveAsync("""{"endpoint": "https://y.example"}""", expectedVersion: 1);

        var error = await Should.ThrowAsync<CrmException>(
            () => SaveAsync("""{"endpoint": "https://z.example"}""", expectedVersion: 1));

        error.Kind.ShouldBe(CrmErrorKind.Conflict);
        error.Code.ShouldBe(SettingsErrorCodes.VersionConflict);
        error.Extensions["currentVersion"].ShouldBe(2L);
        (await Settings.GetAsync(Id, CancellationToken.None)).Values["endpoint"]!.GetValue<string>().ShouldBe("https://y.example");
    }

    [Fact]
    public async Task GetAndSave_ShouldThrowNotFound_WhenNoModuleDeclaresSettings()
    {
        var get = await Should.ThrowAsync<CrmException>(() => Settings.GetAsync("acme.unknown", CancellationToken.None));
        var save = await Should.ThrowAsync<CrmException>(
            () => Settings.SaveAsync("acme.unknown", [], null, CrmTestHost.User, CancellationToken.None));

        get.Kind.ShouldBe(CrmErrorKind.NotFound);
        get.Code.ShouldBe(SettingsErrorCodes.ModuleNotFound);
        save.Code.ShouldBe(SettingsErrorCodes.ModuleNotFound);
    }

    [Fact]
    public async Task For_ShouldApplyDefaults_AndSeeEachSave()
    {
        var settings = Settings.For(Id);
        settings.ShouldBeSameAs(Settings.For(Id));
        settings.Version.ShouldBe(0);
        settings.GetCurrent().ToJsonString().ShouldBe("""{"rate":1.5,"retries":3}""");

        await SaveAsync("""{"endpoint": "https://x.example", "retries": 5, "options": {}, "token": "s3cret-token"}""");

        settings.Version.ShouldBe(1);
        settings.GetCurrent().ToJsonString().ShouldBe(
            """{"endpoint":"https://x.example","retries":5,"options":{"verbose":false},"token":"s3cret-token","rate":1.5}""");
        var typed = settings.Get<LoyaltySettings>();
        typed.Endpoint.ShouldBe("https://x.example");
        typed.Rate.ShouldBe(1.5m);
        typed.Retries.ShouldBe(5);
        typed.Token.ShouldBe("s3cret-token");
    }

    [Fact]
    public async Task GetCurrent_ShouldReturnACopy()
    {
        await SaveAsync("""{"endpoint": "https://x.example"}""");
        var settings = Settings.For(Id);

        settings.GetCurrent()["endpoint"] = "https://changed.example";

        settings.GetCurrent()["endpoint"]!.GetValue<string>().ShouldBe("https://x.example");
    }

    [Fact]
    public async Task Settings_ShouldSurviveARestart()
    {
        await SaveAsync("""{"endpoint": "https://x.example", "token": "s3cret-token"}""");

        _host = await _host.RestartAsync();

        // The restarted host has no module added; register the schema the way a plugin runtime does.
        Settings.HasSchema(Id).ShouldBeFalse();
        Settings.RegisterSchema(Id, new ModuleSettingsSchema(Id, SettingsTestModule.Schema()));
        var current = Settings.For(Id).GetCurrent();
        current["endpoint"]!.GetValue<string>().ShouldBe("https://x.example");
        current["token"]!.GetValue<string>().ShouldBe("s3cret-token");
        var view = await Settings.GetAsync(Id, CancellationToken.None);
        view.Version.ShouldBe(1);
        view.SecretsSet.ShouldBe(["token"]);
    }

    [Fact]
    public async Task Save_ShouldStoreUnderTheModuleKey_WithTheSecretEncrypted()
    {
        await SaveAsync("""{"endpoint": "https://x.example", "token": "s3cret-token"}""");

        var store = _host.Services.GetRequiredService<ICrmStore>();
        await using var session = await store.BeginAsync(write: false, CancellationToken.None);
        var stored = await session.ReadSettingAsync("module:" + Id, CancellationToken.None);

        stored.ShouldNotBeNull();
        stored.Version.ShouldBe(1);
        stored.Value.ShouldNotContain("s3cret-token");
        JsonNode.Parse(stored.Value)!["endpoint"]!.GetValue<string>().ShouldBe("https://x.example");
        JsonNode.Parse(stored.Value)!["token"]!["$protected"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        Settings.For(Id).GetCurrent()["token"]!.GetValue<string>().ShouldBe("s3cret-token");
    }

    private Task<ModuleSettingsView> SaveAsync(string values, long? expectedVersion = null) =>
        Settings.SaveAsync(Id, JsonNode.Parse(values)!.AsObject(), expectedVersion, CrmTestHost.User, CancellationToken.None);
}
