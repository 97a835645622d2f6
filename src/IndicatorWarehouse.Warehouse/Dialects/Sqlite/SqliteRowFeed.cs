using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace IndicatorWarehouse.Warehouse.Dialects.Sqlite;

/// <summary>A virtual table whose rows managed code hands out one at a time, so that a single <c>INSERT … SELECT</c> takes
/// a load's rows: SQLite then runs one statement for them all instead of binding and stepping one per row, which more
/// than halves the engine's share (1M one-stop rows fed from memory: 6.9 s through a prepared INSERT, 3.3 s through this
/// table). Microsoft.Data.Sqlite and SQLitePCLRaw do not expose <c>sqlite3_create_module</c>, so the module is declared
/// here against the native library they load (e_sqlite3: one library in the process, so one SQLite).
/// <para>The table is eponymous (<c>SELECT … FROM name</c> with no CREATE VIRTUAL TABLE), lives on one connection while
/// this object does, and serves one statement at a time. A callback never lets an exception reach SQLite: it keeps it,
/// fails the statement, and <see cref="Run"/> throws it.</para></summary>
internal sealed unsafe class SqliteRowFeed : IDisposable
{
    private const string Library = "e_sqlite3";
    private const int SqliteError = 1;
    private static readonly IntPtr Transient = -1;   // SQLITE_TRANSIENT: SQLite copies the value before the call returns

    // The methods' table lives as long as the process: SQLite may call a table's xDisconnect through it after the module
    // is unregistered (it defers that to the connection's next prepare).
    private static readonly IntPtr* Module = NewModule();

    private readonly sqlite3 _db;
    private readonly byte[] _name;
    private readonly string _declaration;
    private GCHandle _self;
    private Func<object?[]?>? _next;
    private object?[]? _current;
    private long _rowid;
    private Exception? _failure;

    /// <param name="name">the table's name in SQL, unique among the connection's modules</param>
    /// <param name="columns">how many values each row has; SQL sees them as <c>c0</c>, <c>c1</c>, …</param>
    public SqliteRowFeed(SqliteConnection connection, string name, int columns)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        _name = Encoding.UTF8.GetBytes(name + '\0');
        _declaration = $"CREATE TABLE x({string.Join(", ", Enumerable.Range(0, columns).Select(i => $"c{i}"))})\0";
        _self = GCHandle.Alloc(this);
        int rc;
        fixed (byte* n = _name) rc = sqlite3_create_module_v2(_db.DangerousGetHandle(), n, (IntPtr)Module, GCHandle.ToIntPtr(_self), IntPtr.Zero);
        if (rc == raw.SQLITE_OK) return;
        _self.Free();
        SqliteException.ThrowExceptionForRC(rc, _db);
    }

    /// <summary>The connection's last inserted rowid, which SQLite sets as the statement writes each row (its counts of
    /// changes move only when the statement ends): set it to 0 before a row is handed out, and a row an
    /// <c>INSERT … ON CONFLICT DO NOTHING</c> skipped leaves it there.</summary>
    public long LastInsertRowid
    {
        get => sqlite3_last_insert_rowid(_db.DangerousGetHandle());
        set => sqlite3_set_last_insert_rowid(_db.DangerousGetHandle(), value);
    }

    /// <summary>Runs one statement that reads this table; <paramref name="next"/> gives each row in turn (an array the
    /// caller may reuse once asked again) and null to end the table for this statement.</summary>
    public void Run(string sql, Func<object?[]?> next)
    {
        (_next, _current, _rowid, _failure) = (next, null, 0, null);
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(_db, sql, out var statement), _db);
        using (statement)
        {
            var rc = raw.sqlite3_step(statement);
            if (_failure is not null) ExceptionDispatchInfo.Throw(_failure);
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    public void Dispose()
    {
        // A null module unregisters the name; SQLite disconnects the eponymous table (freeing its struct) as it does.
        fixed (byte* n = _name) sqlite3_create_module_v2(_db.DangerousGetHandle(), n, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero);
        _self.Free();
    }

    // sqlite3_module, version 1 (sqlite3.h): iVersion, then the methods in this order. No xCreate: the table is
    // eponymous-only; it is read-only, so xUpdate and the transaction methods stay null.
    private static IntPtr* NewModule()
    {
        var module = (IntPtr*)NativeMemory.AllocZeroed(24, (nuint)sizeof(IntPtr));
        *(int*)module = 1;
        module[2] = (IntPtr)(delegate* unmanaged<IntPtr, IntPtr, int, IntPtr, IntPtr*, IntPtr*, int>)&Connect;
        module[3] = (IntPtr)(delegate* unmanaged<IntPtr, IntPtr, int>)&BestIndex;
        module[4] = (IntPtr)(delegate* unmanaged<Table*, int>)&Disconnect;
        module[6] = (IntPtr)(delegate* unmanaged<Table*, Cursor**, int>)&Open;
        module[7] = (IntPtr)(delegate* unmanaged<Cursor*, int>)&Close;
        module[8] = (IntPtr)(delegate* unmanaged<Cursor*, int, IntPtr, int, IntPtr, int>)&Filter;
        module[9] = (IntPtr)(delegate* unmanaged<Cursor*, int>)&Next;
        module[10] = (IntPtr)(delegate* unmanaged<Cursor*, int>)&Eof;
        module[11] = (IntPtr)(delegate* unmanaged<Cursor*, IntPtr, int, int>)&Column;
        module[12] = (IntPtr)(delegate* unmanaged<Cursor*, long*, int>)&Rowid;
        return module;
    }

    // sqlite3_vtab and sqlite3_vtab_cursor, each followed by the handle of the feed that serves them.
    [StructLayout(LayoutKind.Sequential)]
    private struct Table
    {
        public IntPtr Module;
        public int References;
        public IntPtr ErrorMessage;
        public IntPtr Feed;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Cursor
    {
        public Table* Table;
        public IntPtr Feed;
    }

    private static SqliteRowFeed Of(Cursor* cursor) => (SqliteRowFeed)GCHandle.FromIntPtr(cursor->Feed).Target!;

    [UnmanagedCallersOnly]
    private static int Connect(IntPtr db, IntPtr feed, int argc, IntPtr argv, IntPtr* table, IntPtr* error)
    {
        var declaration = Encoding.UTF8.GetBytes(((SqliteRowFeed)GCHandle.FromIntPtr(feed).Target!)._declaration);
        fixed (byte* d = declaration)
        {
            var rc = sqlite3_declare_vtab(db, d);
            if (rc != raw.SQLITE_OK) return rc;
        }
        var created = (Table*)NativeMemory.AllocZeroed((nuint)sizeof(Table));
        created->Feed = feed;
        *table = (IntPtr)created;
        return raw.SQLITE_OK;
    }

    // One plan only: every row in order. No constraint is used, so SQLite checks any WHERE itself.
    [UnmanagedCallersOnly]
    private static int BestIndex(IntPtr table, IntPtr info) => raw.SQLITE_OK;

    [UnmanagedCallersOnly]
    private static int Disconnect(Table* table)
    {
        NativeMemory.Free(table);
        return raw.SQLITE_OK;
    }

    [UnmanagedCallersOnly]
    private static int Open(Table* table, Cursor** cursor)
    {
        var opened = (Cursor*)NativeMemory.AllocZeroed((nuint)sizeof(Cursor));
        opened->Feed = table->Feed;
        *cursor = opened;
        return raw.SQLITE_OK;
    }

    [UnmanagedCallersOnly]
    private static int Close(Cursor* cursor)
    {
        NativeMemory.Free(cursor);
        return raw.SQLITE_OK;
    }

    [UnmanagedCallersOnly]
    private static int Filter(Cursor* cursor, int plan, IntPtr planText, int argc, IntPtr argv) => Of(cursor).Advance();

    [UnmanagedCallersOnly]
    private static int Next(Cursor* cursor) => Of(cursor).Advance();

    [UnmanagedCallersOnly]
    private static int Eof(Cursor* cursor) => Of(cursor)._current is null ? 1 : 0;

    [UnmanagedCallersOnly]
    private static int Rowid(Cursor* cursor, long* rowid)
    {
        *rowid = Of(cursor)._rowid;
        return raw.SQLITE_OK;
    }

    [UnmanagedCallersOnly]
    private static int Column(Cursor* cursor, IntPtr context, int column)
    {
        var feed = Of(cursor);
        try
        {
            return SqliteValue.Write(feed._current![column], new Result(context), column);
        }
        catch (Exception e)
        {
            feed._failure = e;
            return SqliteError;
        }
    }

    private int Advance()
    {
        try
        {
            _current = _next!();
            _rowid++;
            return raw.SQLITE_OK;
        }
        catch (Exception e)
        {
            (_current, _failure) = (null, e);
            return SqliteError;
        }
    }

    // The value of a column: sqlite3_result_* copy it (SQLITE_TRANSIENT) and neither block nor call back, so they are
    // called without the GC transition a P/Invoke otherwise makes, two dozen times a row.
    private readonly struct Result(IntPtr context) : ISqliteValueSink
    {
        public int Null()
        {
            sqlite3_result_null(context);
            return raw.SQLITE_OK;
        }

        public int Integer(long value)
        {
            sqlite3_result_int64(context, value);
            return raw.SQLITE_OK;
        }

        public int Real(double value)
        {
            sqlite3_result_double(context, value);
            return raw.SQLITE_OK;
        }

        public int Text(ReadOnlySpan<byte> utf8)
        {
            fixed (byte* text = utf8) sqlite3_result_text(context, text, utf8.Length, Transient);
            return raw.SQLITE_OK;
        }

        public int EmptyText()
        {
            byte nothing = 0;
            sqlite3_result_text(context, &nothing, 0, Transient);
            return raw.SQLITE_OK;
        }

        public int Blob(byte[] value)
        {
            byte nothing = 0;
            fixed (byte* bytes = value) sqlite3_result_blob(context, value.Length == 0 ? &nothing : bytes, value.Length, Transient);
            return raw.SQLITE_OK;
        }
    }

    [DllImport(Library)]
    private static extern int sqlite3_create_module_v2(IntPtr db, byte* name, IntPtr module, IntPtr clientData, IntPtr destroy);

    [DllImport(Library)]
    private static extern int sqlite3_declare_vtab(IntPtr db, byte* sql);

    [DllImport(Library)]
    private static extern long sqlite3_last_insert_rowid(IntPtr db);

    [DllImport(Library)]
    private static extern void sqlite3_set_last_insert_rowid(IntPtr db, long rowid);

    [DllImport(Library), SuppressGCTransition]
    private static extern void sqlite3_result_null(IntPtr context);

    [DllImport(Library), SuppressGCTransition]
    private static extern void sqlite3_result_int64(IntPtr context, long value);

    [DllImport(Library), SuppressGCTransition]
    private static extern void sqlite3_result_double(IntPtr context, double value);

    [DllImport(Library), SuppressGCTransition]
    private static extern void sqlite3_result_text(IntPtr context, byte* value, int length, IntPtr destructor);

    [DllImport(Library), SuppressGCTransition]
    private static extern void sqlite3_result_blob(IntPtr context, byte* value, int length, IntPtr destructor);
}
