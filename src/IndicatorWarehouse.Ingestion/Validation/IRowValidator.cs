using IndicatorWarehouse.Ingestion.Records;

namespace IndicatorWarehouse.Ingestion.Validation;

/// <summary>Builds one kind of canonical record from a row, or leaves a problem on the reader.</summary>
internal interface IRowValidator<out T> where T : class
{
    CanonicalSchema Schema { get; }

    /// <summary>The record, or null when <see cref="FieldReader.Problem"/> says why not.</summary>
    T? Validate(FieldReader row);
}
