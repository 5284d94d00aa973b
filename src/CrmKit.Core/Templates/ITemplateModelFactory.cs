using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;

namespace CrmKit.Core.Templates;

/// <summary>Builds a <see cref="TemplateModel"/> for a record, loading the records its lookup fields point to.</summary>
public interface ITemplateModelFactory
{
    /// <summary>Builds the model: the record, <c>related</c> by lookup field (one level deep), the user and now.</summary>
    /// <param name="principal">Who is acting; related records are read on their behalf.</param>
    /// <param name="record">The record.</param>
    /// <param name="culture">The culture (<c>ru-RU</c>, <c>en</c>, ...).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The model.</returns>
    Task<TemplateModel> CreateAsync(CrmPrincipal principal, CrmRecord record, string culture, CancellationToken cancellationToken = default);
}
