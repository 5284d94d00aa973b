using CrmKit.Sdk.Security;

namespace CrmKit.Core.Templates;

/// <summary>
/// Stored templates: list, read with locale fallback (exact locale, then the language, then any), save with
/// validation (the source must parse) and optimistic concurrency, delete, and preview against a stored record.
/// Failures are <see cref="CrmKit.Sdk.Errors.CrmException"/>s with a <see cref="TemplateErrorCodes"/> code.
/// </summary>
public interface ITemplateService
{
    /// <summary>Lists every template in every locale, ordered by name, then locale.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The templates.</returns>
    Task<IReadOnlyList<TemplateDefinition>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads a template in the locale that best matches <paramref name="locale"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="locale">The wanted locale; null takes any.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The template.</returns>
    Task<TemplateDefinition> GetAsync(string name, string? locale, CancellationToken cancellationToken = default);

    /// <summary>Creates or changes a template.</summary>
    /// <param name="principal">Who is acting.</param>
    /// <param name="request">The template.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The saved template.</returns>
    Task<TemplateDefinition> SaveAsync(CrmPrincipal principal, TemplateSaveRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes a template in one locale, or in all when <paramref name="locale"/> is null.</summary>
    /// <param name="principal">Who is acting.</param>
    /// <param name="name">The name.</param>
    /// <param name="locale">The locale, or null for all.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    Task DeleteAsync(CrmPrincipal principal, string name, string? locale, CancellationToken cancellationToken = default);

    /// <summary>
    /// Renders a stored template against a stored record, with the records its lookup fields point to (one level).
    /// </summary>
    /// <param name="principal">Who is acting (also the model's <c>user</c>).</param>
    /// <param name="name">The template name.</param>
    /// <param name="entity">The record's entity.</param>
    /// <param name="recordId">The record id.</param>
    /// <param name="locale">The culture; null uses <c>ru-RU</c>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The rendered text.</returns>
    Task<string> PreviewAsync(
        CrmPrincipal principal, string name, string entity, Guid recordId, string? locale, CancellationToken cancellationToken = default);
}
