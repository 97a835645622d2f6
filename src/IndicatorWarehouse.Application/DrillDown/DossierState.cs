using IndicatorWarehouse.Domain.Calendar;
using IndicatorWarehouse.Domain.Periods;
using IndicatorWarehouse.Warehouse.Queries;
using IndicatorWarehouse.Reporting.Formatting;

namespace IndicatorWarehouse.Application.DrillDown;

/// <summary>How the counting rules see one dossier at the end of one period, with the reason in words.
/// The same comparisons as the build (sql/&lt;dialect&gt;/build): a test holds the two to the same counts.</summary>
internal sealed class DossierState(DossierFacts d, Period period)
{
    private readonly int _start = DateKey.Of(period.Start), _end = DateKey.Of(period.End);

    public bool ReceivedInPeriod => d.received_date_key >= _start;
    public bool Processed => d.end_date_key <= _end;
    public bool Late => Processed && d.outcome == 3;
    public bool Overdue => !Processed && d.overdue_from_key <= _end;
    public bool Withdrawn => d.is_withdrawn == 1;
    public bool HasFee => d.fee_amount > 0;
    public bool ResultRequired => Processed && !Withdrawn && d.result_required == 1;
    public bool Online => d.channel_key == 2;
    public bool Early => Processed && d.outcome == 1;
    public bool OnTime => Processed && d.outcome == 2;
    public bool PaidOnline => HasFee && d.paid_online is 1 or 2;
    public bool Digitized => d.documents_digitized > 0;
    public bool Reused => d.documents_reused > 0;
    public bool ResultElectronic => d.result_electronic == 1;
    public bool Disliked => d.citizen_rating == "dislike";
    public bool Apologized => d.apology_issued == 1;
    public bool PersonalStore => d.from_personal_store == 1;
    public bool PopulationDb => d.population_db_used == 1;

    public string Timeliness => Processed
        ? (Withdrawn ? "Rút hoặc dừng xử lý: tính là đúng hạn"
            : d.outcome switch
            {
                1 => $"Trước hạn: có kết quả {Day(d.end_date_key)}, hạn {Day(d.deadline_date_key)}",
                2 => d.deadline_date_key is null ? "Không có ngày hẹn trả: tính là đúng hạn" : $"Đúng hạn: có kết quả {Day(d.end_date_key)}",
                _ => d.supplement_requests > 1 && d.end_date_key <= d.deadline_date_key
                    ? $"Quá hạn: yêu cầu bổ sung {d.supplement_requests} lần"
                    : $"Quá hạn: có kết quả {Day(d.end_date_key)}, hạn {Day(d.deadline_date_key)}; lý do: {d.late_reason ?? "chưa ghi"}",
            })
        : Overdue
            ? (d.supplement_requests > 1 && !(d.deadline_date_key < _end)
                ? $"Đang giải quyết, quá hạn: yêu cầu bổ sung {d.supplement_requests} lần"
                : $"Đang giải quyết, quá hạn từ {Day(d.overdue_from_key)}")
            : d.deadline_date_key is null ? "Đang giải quyết, không có ngày hẹn trả" : $"Đang giải quyết, còn hạn đến {Day(d.deadline_date_key)}";

    public string Receipt => ReceivedInPeriod
        ? $"Tiếp nhận {Day(d.received_date_key)} ({(Online ? "trực tuyến" : d.channel_key == 3 ? "bưu chính" : "trực tiếp")})"
        : $"Kỳ trước chuyển qua (tiếp nhận {Day(d.received_date_key)})";

    public string Digitization => d.has_digitization == 0 ? "Không có bản ghi số hóa: tính là chưa số hóa"
        : Digitized ? $"Số hóa {d.documents_digitized} thành phần" : "Không có thành phần nào được số hóa";

    public string Reuse => d.has_digitization == 0 ? "Không có bản ghi số hóa"
        : Reused ? $"Tái sử dụng {d.documents_reused} thành phần" : "Không tái sử dụng dữ liệu số hóa";

    public string DataSources => d.has_digitization == 0 ? "Không có bản ghi số hóa"
        : $"{(PersonalStore ? "Có" : "Không")} dùng Kho dữ liệu cá nhân; {(PopulationDb ? "có" : "không")} khai thác CSDL dân cư";

    public string Result => ResultElectronic ? "Có kết quả điện tử" : "Chưa cấp kết quả điện tử";

    public string Payment => !HasFee ? "Không có phí, lệ phí"
        : PaidOnline ? "Đã thanh toán trực tuyến" : "Chưa thanh toán trực tuyến";

    public string Satisfaction => Disliked ? "Người dân không hài lòng"
        : Late || Overdue ? "Quá hạn: " + Timeliness : "Không có đánh giá không hài lòng, không quá hạn";

    public string Apology => Apologized ? "Đã có văn bản xin lỗi" : "Chưa có văn bản xin lỗi";

    private static string Day(long? key) => ViFormat.Date(key is { } k ? DateKey.ToDate((int)k) : null);
}
