using IndicatorWarehouse.Warehouse.Dialects.SqlServer;

namespace IndicatorWarehouse.Tests.Warehouse.Dialects;

public sealed class ArrayRowReaderTests
{
    [Fact]
    public void Read_Rows_StreamsThemOneByOneWithNullsAsDbNull()
    {
        var produced = 0;
        IEnumerable<object?[]> Rows()
        {
            for (var i = 1; i <= 3; i++) { produced++; yield return [i, i == 2 ? null : $"HS-{i}"]; }
        }
        using var reader = new ArrayRowReader(["line_no", "record_key"], Rows());

        Assert.True(reader.Read());
        Assert.Equal(1, produced);
        Assert.Equal((1, "HS-1"), (reader.GetInt32(0), reader.GetString(reader.GetOrdinal("RECORD_KEY"))));
        Assert.True(reader.Read());
        Assert.True(reader.IsDBNull(1));
        Assert.Equal(DBNull.Value, reader["record_key"]);
        Assert.True(reader.Read());
        Assert.False(reader.Read());
        Assert.Equal(3, produced);
    }

    [Fact]
    public void HasRows_BeforeReading_TellsWithoutLosingTheFirstRow()
    {
        using var empty = new ArrayRowReader(["a"], []);
        using var one = new ArrayRowReader(["a"], [[42]]);

        Assert.False(empty.HasRows);
        Assert.True(one.HasRows);
        Assert.True(one.Read());
        Assert.Equal(42, one.GetValue(0));
    }

    [Fact]
    public void Read_RowOfTheWrongWidth_Throws()
    {
        using var reader = new ArrayRowReader(["a", "b"], [[1]]);

        var error = Assert.Throws<InvalidOperationException>(() => reader.Read());

        Assert.Contains("1 values for 2 columns", error.Message);
    }
}
