// Every label of the console in Vietnamese and English; the choice is kept in the browser.
const texts = {
  vi: {
    alerts: 'Cảnh báo', top: 'Đối tượng rủi ro', audit: 'Nhật ký kiểm toán', references: 'Dữ liệu tham chiếu', logout: 'Đăng xuất',
    loginTitle: 'Đăng nhập LogSentinel', apiKey: 'Khóa API', login: 'Đăng nhập', badKey: 'Khóa API không hợp lệ hoặc đã bị thu hồi.',
    type: 'Loại', severity: 'Mức độ', state: 'Trạng thái', agency: 'Cơ quan', entity: 'Đối tượng', assignee: 'Người xử lý', text: 'Tìm kiếm',
    since: 'Từ', until: 'Đến', filter: 'Lọc', clear: 'Xóa lọc', any: '(tất cả)', score: 'Điểm', firstSeen: 'Lần đầu', lastSeen: 'Lần cuối',
    occurrences: 'Số lần', why: 'Lý do', page: 'Trang', of: 'trên', total: 'kết quả', prev: '‹ Trước', next: 'Sau ›', none: 'Không có kết quả.',
    new: 'Mới', investigating: 'Đang xử lý', closed: 'Đã đóng', category: 'Phân loại sự cố', window: 'Khung thời gian',
    explanation: 'Giải thích', feature: 'Đặc trưng', observed: 'Quan sát', expected: 'Kỳ vọng', evidence: 'Chứng cứ',
    activity: 'Hoạt động của đối tượng so với đường cơ sở', observedLine: 'thực tế (yêu cầu/giờ)', baselineLine: 'trung bình 7 ngày trước cùng giờ',
    alertWindow: 'khung cảnh báo', noChart: 'Không có số liệu hoạt động theo đối tượng này.',
    investigate: 'Bắt đầu xử lý', close: 'Đóng cảnh báo', disposition: 'Kết luận', assign: 'Giao', note: 'Ghi chú', addNote: 'Thêm ghi chú',
    history: 'Lịch sử', events: 'Sự kiện gốc trong khung cảnh báo', at: 'Thời điểm', actor: 'Người thực hiện', action: 'Hành động', detail: 'Chi tiết',
    true_positive: 'Vi phạm thật', benign: 'Hợp lệ', false_positive: 'Báo nhầm', duplicate: 'Trùng lặp', saved: 'Đã lưu.',
    firstActive: 'Hoạt động đầu tiên', lastActive: 'Hoạt động gần nhất', requests: 'Yêu cầu', lookups: 'Lượt tra cứu', role: 'Vai trò', status: 'Tình trạng',
    networks: 'Dải mạng đăng ký', delegations: 'Ủy quyền', alertsOf: 'Cảnh báo của đối tượng', day: 'Ngày', rank: 'Hạng', risk: 'Rủi ro', types: 'Loại cảnh báo',
    target: 'Đối tượng tác động', from: 'Địa chỉ', selected: 'đã chọn', bulkAssign: 'Giao các cảnh báo đã chọn', bulkClose: 'Đóng các cảnh báo đã chọn',
    tuning: 'Tinh chỉnh phát hiện', suppressions: 'Loại trừ', allowLists: 'Danh sách cho phép', calendar: 'Lịch làm việc', reason: 'Lý do thay đổi',
    change: 'Thay đổi', save: 'Lưu phiên bản mới', revert: 'Khôi phục', previewHint: 'Xem trước số cảnh báo một ngưỡng đề xuất sẽ tạo ra ngay trên trang này (hoặc bằng lệnh logsentinel tune preview); không có gì được lưu.',
    preview: 'Xem trước ngưỡng', previewRun: 'Xem trước', previewKey: 'Ngưỡng', previewValue: 'Giá trị đề xuất', previewDays: 'Số ngày', previewRunning: 'Đang chạy lại các sự kiện đã lưu…',
    previewSays: (proposed, days, current) => `Ngưỡng này sẽ tạo ${proposed} cảnh báo trong ${days} ngày qua (tinh chỉnh hiện tại: ${current}).`,
    previewNoEvents: 'Chưa có sự kiện nào được lưu: không có gì để xem trước.', currentCount: 'Hiện tại', proposedCount: 'Đề xuất', keptBack: 'Bị giữ lại (hiện tại / đề xuất)',
    account: 'Tài khoản', citizen_ref: 'Mã giả danh công dân', version: 'Phiên bản', loadedAt: 'Thời điểm nạp', loadedBy: 'Người nạp', source: 'Nguồn', rows: 'Số dòng', back: '‹ Danh sách',
    reports: 'Báo cáo', report: 'Báo cáo', province: 'Toàn tỉnh', language: 'Ngôn ngữ', generatedAt: 'Thời điểm lập', open: 'Mở',
    noReports: 'Chưa có báo cáo nào được lưu (lệnh logsentinel report tạo báo cáo).', print: 'In', downloadJson: 'Tải số liệu JSON', backReports: '‹ Danh sách báo cáo',
  },
  en: {
    alerts: 'Alerts', top: 'Risky entities', audit: 'Audit trail', references: 'Reference data', logout: 'Sign out',
    loginTitle: 'Sign in to LogSentinel', apiKey: 'API key', login: 'Sign in', badKey: 'The API key is not valid or was revoked.',
    type: 'Type', severity: 'Severity', state: 'State', agency: 'Agency', entity: 'Entity', assignee: 'Assignee', text: 'Search',
    since: 'Since', until: 'Until', filter: 'Filter', clear: 'Clear', any: '(any)', score: 'Score', firstSeen: 'First seen', lastSeen: 'Last seen',
    occurrences: 'Count', why: 'Why', page: 'Page', of: 'of', total: 'results', prev: '‹ Previous', next: 'Next ›', none: 'Nothing matches.',
    new: 'New', investigating: 'Investigating', closed: 'Closed', category: 'Incident category', window: 'Window',
    explanation: 'Explanation', feature: 'Feature', observed: 'Observed', expected: 'Expected', evidence: 'Evidence',
    activity: "Entity's activity against its baseline", observedLine: 'observed (requests per hour)', baselineLine: 'average of the previous 7 days at the same hour',
    alertWindow: 'alert window', noChart: 'No activity rollup exists for this kind of entity.',
    investigate: 'Start investigating', close: 'Close alert', disposition: 'Disposition', assign: 'Assign', note: 'Note', addNote: 'Add note',
    history: 'History', events: "Raw events of the alert's window", at: 'At', actor: 'Actor', action: 'Action', detail: 'Detail',
    true_positive: 'True positive', benign: 'Benign', false_positive: 'False positive', duplicate: 'Duplicate', saved: 'Saved.',
    firstActive: 'First active', lastActive: 'Last active', requests: 'Requests', lookups: 'Lookups', role: 'Role', status: 'Status',
    networks: 'Registered networks', delegations: 'Delegations', alertsOf: "Entity's alerts", day: 'Day', rank: 'Rank', risk: 'Risk', types: 'Alert types',
    target: 'Target', from: 'From', selected: 'selected', bulkAssign: 'Assign selected', bulkClose: 'Close selected',
    tuning: 'Tuning', suppressions: 'Suppressions', allowLists: 'Allow-lists', calendar: 'Calendar', reason: 'Reason for the change',
    change: 'Change', save: 'Save as new version', revert: 'Revert', previewHint: 'Preview how many alerts a proposed threshold would have raised right on this page (or with logsentinel tune preview); nothing is stored.',
    preview: 'Preview a threshold', previewRun: 'Preview', previewKey: 'Threshold', previewValue: 'Proposed value', previewDays: 'Days', previewRunning: 'Replaying the stored events…',
    previewSays: (proposed, days, current) => `This threshold would have raised ${proposed} alerts over the last ${days} days (current tuning: ${current}).`,
    previewNoEvents: 'No events are stored yet: nothing to preview.', currentCount: 'Current', proposedCount: 'Proposed', keptBack: 'Kept back (current / proposed)',
    account: 'Account', citizen_ref: 'Citizen pseudonym', version: 'Version', loadedAt: 'Loaded at', loadedBy: 'Loaded by', source: 'Source', rows: 'Rows', back: '‹ Queue',
    reports: 'Reports', report: 'Report', province: 'Whole province', language: 'Language', generatedAt: 'Generated at', open: 'Open',
    noReports: 'No report is stored yet (logsentinel report makes one).', print: 'Print', downloadJson: 'Download JSON figures', backReports: '‹ Reports',
  },
};

export function lang() {
  return localStorage.getItem('lang') === 'en' ? 'en' : 'vi';
}

export function setLang(value) {
  localStorage.setItem('lang', value === 'en' ? 'en' : 'vi');
  document.documentElement.lang = lang();
}

export function t(key) {
  return texts[lang()][key] ?? key;
}
