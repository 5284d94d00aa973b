using CrmKit.Core.Storage;

namespace CrmKit.Storage.Conformance;

/// <summary>Templates: one row per name and locale, written with a compare-and-set on its version.</summary>
public abstract partial class CrmStoreConformanceTests
{
    private static StoredTemplate Template(string name, string locale, string source = "Hello {{ user.name }}", string? description = null) => new()
    {
        Name = name,
        Locale = locale,
        Kind = "email",
        Source = source,
        Description = description,
        UpdatedAt = new DateTimeOffset(2025, 3, 5, 10, 0, 0, TimeSpan.Zero),
        UpdatedBy = "alice",
    };

    [SkippableFact]
    public async Task WriteTemplate_ShouldCreateVersionOne_AndReadItBack()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);

        await WriteAsync(store, s => s.WriteTemplateAsync(Template("mail.welcome", "ru-RU", "Привет, {{ user.name }}", "Приветствие"), 0, Ct));

        var read = await ReadAsync(store, s => s.ReadTemplateAsync("mail.welcome", "ru-RU", Ct));
        read.ShouldNotBeNull();
        read.Version.ShouldBe(1);
        read.Kind.ShouldBe("email");
        read.Source.ShouldBe("Привет, {{ user.name }}");
        read.Description.ShouldBe("Приветствие");
        read.UpdatedBy.ShouldBe("alice");
        read.UpdatedAt.ShouldBe(new DateTimeOffset(2025, 3, 5, 10, 0, 0, TimeSpan.Zero));
    }

    [SkippableFact]
    public async Task WriteTemplate_ShouldAdvanceVersion_WhenExpectedVersionMatches_AndRefuseAStaleOne()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
        await WriteAsync(store, s => s.WriteTemplateAsync(Template("mail.welcome", "en"), 0, Ct));

        await WriteAsync(store, s => s.WriteTemplateAsync(Template("mail.welcome", "en", "v2"), 1, Ct));

        (await ReadAsync(store, s => s.ReadTemplateAsync("mail.welcome", "en", Ct)))!.Version.ShouldBe(2);
        await Should.ThrowAsync<TemplateConcurrencyException>(() =>
            WriteAsync(store, s => s.WriteTemplateAsync(Template("mail.welcome", "en", "v3"), 1, Ct)));
        await Should.ThrowAsync<TemplateConcurrencyException>(() =>
            WriteAsync(store, s => s.WriteTemplateAsync(Template("mail.welcome", "en", "v3"), 0, Ct)));
        (await ReadAsync(store, s => s.ReadTemplateAsync("mail.welcome", "en", Ct)))!.Source.ShouldBe("v2");
    }

    [SkippableFact]
    public async Task ListTemplates_ShouldOrderByNameThenLocale_AndDeleteShouldRemoveOneLocaleOrAll()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
        foreach (var (name, locale) in new[] { ("mail.welcome", "ru-RU"), ("deal.offer", "ru-RU"), ("mail.welcome", "en") })
        {
            await WriteAsync(store, s => s.WriteTemplateAsync(Template(name, locale), 0, Ct));
        }

        var all = await ReadAsync(store, s => s.ListTemplatesAsync(Ct));
        all.Select(t => t.Name + "/" + t.Locale).ShouldBe(["deal.offer/ru-RU", "mail.welcome/en", "mail.welcome/ru-RU"]);

        (await WriteAsync(store, s => s.DeleteTemplateAsync("mail.welcome", "en", Ct))).ShouldBe(1);
        (await WriteAsync(store, s => s.DeleteTemplateAsync("mail.welcome", null, Ct))).ShouldBe(1);
        (await WriteAsync(store, s => s.DeleteTemplateAsync("mail.welcome", null, Ct))).ShouldBe(0);
        (await ReadAsync(store, s => s.ListTemplatesAsync(Ct))).Count.ShouldBe(1);
        (await ReadAsync(store, s => s.ReadTemplateAsync("mail.welcome", "ru-RU", Ct))).ShouldBeNull();
    }
}
