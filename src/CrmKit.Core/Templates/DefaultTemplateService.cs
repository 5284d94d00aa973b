using CrmKit.Core.Storage;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;

namespace CrmKit.Core.Templates;

/// <summary>The default <see cref="ITemplateService"/>, storing templates through <see cref="ICrmStore"/>.</summary>
internal sealed partial class DefaultTemplateService(
    ICrmStore store,
    TemplateSandbox sandbox,
    TemplateCatalog catalog,
    ITemplateRenderer renderer,
    ITemplateModelFactory models,
    IRecordService records,
    TimeProvider time,
    Security.IAccessControl access) : ITemplateService
{
    public async Task<IReadOnlyList<TemplateDefinition>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var session = await store.BeginAsync(write: false, cancellationToken);
        var stored = await session.ListTemplatesAsync(cancellationToken);
        return stored.Select(ToDefinition).ToList();
    }

    public async Task<TemplateDefinition> GetAsync(string name, string? locale, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var session = await store.BeginAsync(write: false, cancellationToken);
        var all = (await session.ListTemplatesAsync(cancellationToken)).Where(t => t.Name == name).ToList();
        var chosen = TemplateLocales.Choose(all, t => t.Locale, locale) ?? throw TemplateMessages.NotFound(name);
        return ToDefinition(chosen);
    }

    public async Task<TemplateDefinition> SaveAsync(CrmPrincipal principal, TemplateSaveRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(request);
        access.DemandPrivilege(principal, Security.CrmPrivileges.TemplatesManage);
        Validate(request);
        _ = sandbox.Parse(request.Name, request.Source);

        await using var session = await store.BeginAsync(write: true, cancellationToken);
        var current = await session.ReadTemplateAsync(request.Name, request.Locale, cancellationToken);
        var currentVersion = current?.Version ?? 0;
        var expected = request.ExpectedVersion ?? currentVersion;
        if (expected != currentVersion)
        {
            throw TemplateMessages.VersionConflict(request.Name, request.Locale, currentVersion, expected);
        }

        var template = new StoredTemplate
        {
            Name = request.Name,
            Locale = current?.Locale ?? request.Locale,
            Kind = request.Kind,
            Source = request.Source,
            Description = request.Description,
            Version = expected + 1,
            UpdatedAt = time.GetUtcNow(),
            UpdatedBy = principal.UserId,
        };
        try
        {
            await session.WriteTemplateAsync(template, expected, cancellationToken);
            await session.CommitAsync(cancellationToken);
        }
        catch (TemplateConcurrencyException e)
        {
            throw TemplateMessages.VersionConflict(e.Name, e.Locale, currentVersion + 1, expected);
        }

        catalog.Invalidate();
        return ToDefinition(template);
    }

    public async Task DeleteAsync(CrmPrincipal principal, string name, string? locale, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(name);
        access.DemandPrivilege(principal, Security.CrmPrivileges.TemplatesManage);
        await using var session = await store.BeginAsync(write: true, cancellationToken);
        var deleted = await session.DeleteTemplateAsync(name, locale, cancellationToken);
        if (deleted == 0)
        {
            throw TemplateMessages.NotFound(name);
        }

        await session.CommitAsync(cancellationToken);
        catalog.Invalidate();
    }

    public async Task<string> PreviewAsync(
        CrmPrincipal principal, string name, string entity, Guid recordId, string? locale, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(entity);
        var record = await records.GetAsync(principal, entity, recordId, includeDeleted: false, cancellationToken)
            ?? throw TemplateMessages.RecordNotFound(entity, recordId);
        var model = await models.CreateAsync(principal, record, locale ?? "ru-RU", cancellationToken);
        return await renderer.RenderAsync(name, model, cancellationToken);
    }

    private static TemplateDefinition ToDefinition(StoredTemplate t) => new()
    {
        Name = t.Name,
        Locale = t.Locale,
        Kind = t.Kind,
        Source = t.Source,
        Description = t.Description,
        Version = t.Version,
        UpdatedAt = t.UpdatedAt,
        UpdatedBy = t.UpdatedBy,
    };
}
