using CrmKit.Core.Storage;

namespace CrmKit.Storage.Conformance;

/// <summary>Settings: one JSON document per key, written with a compare-and-set on its version.</summary>
public abstract partial class CrmStoreConformanceTests
{
    private const string SettingKey = "module:acme.loyalty";

    [SkippableFact]
    public async Task ReadSetting_ShouldReturnNull_WhenNeverWritten()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);

        (await ReadAsync(store, s => s.ReadSettingAsync(SettingKey, Ct))).ShouldBeNull();
    }

    [SkippableFact]
    public async Task WriteSetting_ShouldCreateVersionOne_WhenExpectedVersionIsZero()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        await WriteAsync(store, s => s.WriteSettingAsync(SettingKey, """{"rate":"0.5"}""", 0, Ct));

        var setting = await ReadAsync(store, s => s.ReadSettingAsync(SettingKey, Ct));
        setting.ShouldNotBeNull();
        setting.Key.ShouldBe(SettingKey);
        setting.Value.ShouldBe("""{"rate":"0.5"}""");
        setting.Version.ShouldBe(1);
        setting.UpdatedAt.ShouldBeGreaterThan(before);
        setting.UpdatedAt.Offset.ShouldBe(TimeSpan.Zero);
    }

    [SkippableFact]
    public async Task WriteSetting_ShouldReplaceValueAndAdvanceVersion_WhenExpectedVersionMatches()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
        await WriteAsync(store, s => s.WriteSettingAsync(SettingKey, "{\"a\":1}", 0, Ct));

        await WriteAsync(store, s => s.WriteSettingAsync(SettingKey, "{\"a\":2}", 1, Ct));
        await WriteAsync(store, s => s.WriteSettingAsync(SettingKey, "{\"a\":3}", 2, Ct));

        var setting = await ReadAsync(store, s => s.ReadSettingAsync(SettingKey, Ct));
        setting!.Value.ShouldBe("{\"a\":3}");
        setting.Version.ShouldBe(3);
    }

    [SkippableTheory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task WriteSetting_ShouldThrowAndWriteNothing_WhenExpectedVersionIsNotTheStoredOne(long expected)
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
        await WriteAsync(store, s => s.WriteSettingAsync(SettingKey, "{\"a\":1}", 0, Ct));

        var error = await Should.ThrowAsync<SettingConcurrencyException>(
            () => WriteAsync(store, s => s.WriteSettingAsync(SettingKey, "{\"a\":2}", expected, Ct)));

        error.Key.ShouldBe(SettingKey);
        error.ExpectedVersion.ShouldBe(expected);
        var setting = await ReadAsync(store, s => s.ReadSettingAsync(SettingKey, Ct));
        setting!.Value.ShouldBe("{\"a\":1}");
        setting.Version.ShouldBe(1);
    }

    [SkippableFact]
    public async Task WriteSetting_ShouldThrow_WhenUpdatingASettingThatDoesNotExist()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);

        await Should.ThrowAsync<SettingConcurrencyException>(
            () => WriteAsync(store, s => s.WriteSettingAsync(SettingKey, "{}", 1, Ct)));

        (await ReadAsync(store, s => s.ReadSettingAsync(SettingKey, Ct))).ShouldBeNull();
    }

    [SkippableFact]
    public async Task WriteSetting_ShouldLeaveTheSessionUsable_AfterAConflict()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
        await WriteAsync(store, s => s.WriteSettingAsync(SettingKey, "{\"a\":1}", 0, Ct));

        await WriteAsync(store, async s =>
        {
            await Should.ThrowAsync<SettingConcurrencyException>(() => s.WriteSettingAsync(SettingKey, "{\"a\":2}", 5, Ct));
            await s.WriteSettingAsync(SettingKey, "{\"a\":3}", 1, Ct);
        });

        (await ReadAsync(store, s => s.ReadSettingAsync(SettingKey, Ct)))!.Value.ShouldBe("{\"a\":3}");
    }

    [SkippableFact]
    public async Task WriteSetting_ShouldBeInvisible_WhenTheSessionIsNotCommitted()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);

        await using (var session = await store.BeginAsync(write: true, Ct))
        {
            await session.WriteSettingAsync(SettingKey, "{}", 0, Ct);
        }

        (await ReadAsync(store, s => s.ReadSettingAsync(SettingKey, Ct))).ShouldBeNull();
    }

    [SkippableFact]
    public async Task Settings_ShouldBeKeptPerKey()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
        await WriteAsync(store, async s =>
        {
            await s.WriteSettingAsync("module:a", "{\"n\":\"a\"}", 0, Ct);
            await s.WriteSettingAsync("module:b", "{\"n\":\"b\"}", 0, Ct);
        });

        (await ReadAsync(store, s => s.ReadSettingAsync("module:a", Ct)))!.Value.ShouldBe("{\"n\":\"a\"}");
        (await ReadAsync(store, s => s.ReadSettingAsync("module:b", Ct)))!.Value.ShouldBe("{\"n\":\"b\"}");
    }
}
