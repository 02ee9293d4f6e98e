"""The explanations of the rules in Vietnamese (`rehabstat rules CODE`); the English ones are
in rules.py next to each rule. A test checks that every rule has both."""

EXPLANATIONS_VI = {
    "F001": """Kiểm tra tệp có thật là sổ tính (.xlsx, .xlsm, .xls, .ods) hay không, bất kể tên tệp.
        Tệp văn bản hoặc PDF đổi đuôi thành .xlsx thì không đọc được. Cách sửa: mở tệp bằng Excel
        hoặc LibreOffice rồi lưu lại dưới dạng .xlsx.""",
    "F002": """Sổ bị cắt cụt hoặc hỏng thì không đọc được. Không số liệu nào của sổ được tính, nên tháng
        đó của cơ sở bị thiếu trong mọi bảng tổng hợp. Cách sửa: đề nghị cơ sở gửi lại tệp.""",
    "F003": """Sổ có mật khẩu được mã hóa; công cụ không thể và không nên đoán mật khẩu. Cách sửa: gỡ mật
        khẩu trong Excel (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi gửi lại tệp.""",
    "F004": """Bảo vệ chương trình khỏi các tệp cố ý làm cạn bộ nhớ hoặc thời gian: sổ nén giải ra lớn quá
        giới hạn (bom zip), XML có khai báo thực thể (bom thực thể), hoặc trang tính có nhiều ô hơn hẳn
        một sổ hằng tháng. Tệp như vậy bị từ chối trước khi mở; các tệp khác vẫn được kiểm tra.
        Cách sửa: gửi sổ bình thường lập từ mẫu (`rehabstat form`).""",
    "F005": """Mỗi sổ hằng tháng có các trang ThongTin (đơn vị, tháng), SiSo (sĩ số), BienDong (biến động)
        và SoLieu (số liệu khác). Tên trang được so không dấu, không phân biệt chữ hoa ("Biến động",
        "BIEN DONG", "Events" đều được). Bắt buộc có ThongTin, SiSo và BienDong; thiếu SoLieu chỉ có
        nghĩa là không có số liệu khác.""",
    "F006": """Dòng tiêu đề được tìm trong 10 dòng đầu của trang và phải có đủ các cột bắt buộc. Các cột
        có thể theo thứ tự bất kỳ, cột thừa được bỏ qua. Cách sửa: thêm cột với tiêu đề như trong mẫu.""",
    "F007": """Trang ThongTin phải ghi mã cơ sở, tên cơ sở, tỉnh/thành phố và tháng báo cáo: thiếu chúng
        thì không biết số liệu của sổ là của ai.""",
    "F008": """Một giá trị ở trang ThongTin không hiểu được, thường là kỳ báo cáo không phải một tháng
        ("01/2021", "2021-01" hoặc một ngày bất kỳ trong tháng đều được).""",
    "C001": """Số người, số tiền phải là số. Số viết kiểu Việt Nam vẫn được nhận ("1.659" là 1659, "92,5"
        là 92,5, "5.122.732.200 đồng" là 5122732200); giá trị khác được báo ở đây thay vì bị tính là 0.""",
    "C002": """Số người, số lượt không bao giờ âm. Số âm thường do công thức sai hoặc gõ nhầm.""",
    "C003": """Ô có công thức lỗi (#REF!, #DIV/0!, #VALUE!, #N/A ...) không có giá trị. Nếu không kiểm tra,
        ô đó sẽ bị coi là trống và lặng lẽ tính là 0; quy tắc này tìm lỗi ngay trong tệp.""",
    "C004": """Mỗi dòng biến động cần có diện, loại biến động và ngày; mỗi dòng sĩ số cần có diện. Dòng chỉ
        điền một phần được báo lỗi, không bị bỏ qua.""",
    "C005": """`Số lượng` cho biết một dòng gộp ứng với bao nhiêu lượt: một số nguyên từ 1 trở lên (để trống
        là 1).""",
    "C006": """Dòng có mã học viên là của một người; ghi thêm số lượng sẽ tính người đó nhiều lần. Hãy ghi
        mỗi người một dòng, hoặc để trống mã học viên nếu là dòng gộp.""",
    "C007": """Ngày có thể là ngày thật, số ngày kiểu Excel hoặc chữ theo thứ tự ngày trước (dd/mm/yyyy,
        d/m/yyyy, dd-mm-yyyy) hoặc yyyy-mm-dd. Không bao giờ đoán ngày viết kiểu tháng trước.""",
    "K001": """Diện là một trong BB, TN, HTCC, XDTTN, LTTT, MET, ghi bằng mã, bằng tên ("Bắt buộc") hoặc
        không dấu ("bat buoc").""",
    "K002": """Loại biến động là một trong các mã của mẫu nhập liệu, hoặc tên của mã đó.""",
    "K003": """Một số biến động chỉ có ở một số diện: người điều trị Methadone không "hoàn thành", không
        trốn và không bị bắt lại; chỉ họ mới "bỏ điều trị" (BO_DIEU_TRI).""",
    "K004": """Dòng CHUYEN_DIEN chuyển một người từ diện này sang diện khác; không ghi diện mới thì người
        đó biến mất khỏi sĩ số.""",
    "K005": """Chuyển diện thì phải đổi diện: Diện mới phải khác Diện.""",
    "D001": """Mỗi sổ báo cáo một tháng; biến động có ngày ở tháng khác thuộc về sổ của tháng đó (hoặc
        ngày bị gõ nhầm, ví dụ ghi tháng trước ngày).""",
    "D002": """Biến động không thể xảy ra sau ngày hôm nay.""",
    "I001": """Cuối kỳ = đầu kỳ + tiếp nhận + bắt lại + chuyển đến + chuyển diện đến − hoàn thành − trốn
        − tạm đình chỉ − chuyển đi − chết − bỏ điều trị − ra khác − chuyển diện đi, theo từng diện và
        từng tháng. Chênh lệch nghĩa là sĩ số hoặc danh sách biến động chưa đủ: có biến động chưa nhập,
        hoặc sĩ số đếm sai. Lỗi được ghi ở ô Cuối kỳ của dòng đó.""",
    "I002": """Đầu kỳ của một tháng bằng cuối kỳ của tháng trước. Không khớp nghĩa là một trong hai tháng
        đã được sửa mà tháng kia thì không. Lỗi được ghi ở ô Đầu kỳ của tháng sau.""",
    "I003": """Mọi người đang quản lý cuối tháng hoặc có mặt hoặc vắng mặt (nằm viện, về phép): Có mặt +
        Vắng mặt = Cuối kỳ.""",
    "I004": """Dòng tổng cộng ("Tổng cộng", "Cộng", "Total") không bao giờ được cộng vào số liệu; nó được
        đối chiếu với tổng các dòng bên trên.""",
    "P001": """Khi có mã học viên, việc bắt lại phải đi sau một lần trốn của cùng người đó. Chỉ là cảnh
        báo, vì lần trốn có thể xảy ra trước khoảng dữ liệu được kiểm tra.""",
    "P002": """Khi có mã học viên, người ra khỏi cơ sở phải đã được tiếp nhận (hoặc chuyển sang từ kỳ
        trước). Chỉ là cảnh báo, vì việc tiếp nhận có thể xảy ra trước khoảng dữ liệu.""",
    "P003": """Khi có mã học viên, một người được tiếp nhận hai lần mà ở giữa không ra thường là nhập trùng.""",
    "P004": """Hai dòng cùng học viên, cùng biến động, cùng ngày thì một biến động bị tính hai lần.""",
    "X001": """Hai sổ của cùng một cơ sở cho cùng một tháng không thể cùng đúng. Không sổ nào được chọn
        thay người dùng: hãy bỏ sổ cũ.""",
    "X002": """Trong kỳ được kiểm tra, mỗi cơ sở phải gửi sổ của mọi tháng. Thiếu một tháng thì biến động
        của tháng đó không được tính vào tổng của kỳ.""",
    "X003": """Trong một tỉnh, người chuyển đi từ cơ sở này phải được ghi chuyển đến ở cơ sở khác trong
        cùng tháng (trừ khi chuyển sang tỉnh khác).""",
    "X004": """Khi rehabstat.toml liệt kê các cơ sở của từng tỉnh, sổ của cơ sở không có trong danh sách
        được báo: cơ sở mới, hoặc mã cơ sở bị gõ nhầm.""",
    "X006": """Báo cáo một giai đoạn cộng các sổ cấp tỉnh có kỳ nằm trọn trong giai đoạn (số liệu của một
        năm không chia được theo tháng). Sổ chỉ nằm một phần trong giai đoạn bị bỏ ra và được nêu tên. Cách
        sửa: chọn giai đoạn chứa trọn kỳ của các sổ, hoặc gửi số liệu cấp tỉnh theo tháng hoặc quý.""",
    "X007": """Hai sổ cấp tỉnh có kỳ trùng nhau (một quý gửi hai lần, một năm và một quý của năm đó) sẽ
        tính một số liệu hai lần. Không đoán sổ nào đúng: cả hai bị bỏ ra khỏi báo cáo. Cách sửa: mỗi kỳ
        chỉ giữ một sổ, các kỳ không chồng lên nhau.""",
    "O001": """Biến động trong tháng (tiếp nhận, hoàn thành, trốn theo diện) khác xa các tháng khác của cơ
        sở thường do gõ nhầm, thừa một chữ số 0 hoặc nhập một tháng hai lần. "Khác xa" nghĩa là điểm z
        hiệu chỉnh 0,6745·(x − trung vị)/MAD lớn hơn 3,5 về trị tuyệt đối, trên ít nhất 6 tháng; với
        số đếm, MAD được lấy tối thiểu bằng 0,6745·√trung vị (độ dao động do ngẫu nhiên), để các tháng
        có 24 đến 29 người hoàn thành không bị coi là bất thường chỉ vì phần lớn các tháng đều là 26.
        Khoảng thường gặp trong thông báo là khoảng quy tắc chấp nhận. Chỉ là cảnh báo: tăng đột biến
        thật vẫn có thể xảy ra.""",
    "T001": """Mã chỉ tiêu là mã một chỉ số, có thể kèm mã diện (TIEP_NHAN_BB); mã khác không bao giờ so
        sánh được với kết quả.""",
    "T002": """Kế hoạch của một chỉ tiêu phải là số dương thì mới tính được tỷ lệ đạt.""",
    "F009": """Sổ có trang sĩ số chỉ ghi tên các diện (mẫu còn trống) không cho biết gì về tháng đó: đó không
        phải là một tháng không có ai. Ô trống không bao giờ được đọc là 0; nơi không có ai hãy ghi 0.""",
    "F010": """Các mẫu biểu cũ của cơ quan nhà nước thường gõ bằng bảng mã TCVN3 (ABC, phông .VnTime) hoặc VNI
        (phông VNI-Times): chữ màn hình hiện là "Sĩ số" được lưu là "SÜ sè". Công cụ chỉ chuyển mã một sổ khi
        việc chuyển mã làm tên trang và tiêu đề cột khớp, và báo điều đó ở đây; ô gõ bằng Unicode được giữ nguyên.
        Chuyển mã không phân biệt được chữ hoa của phông .VnTimeH với chữ thường, và tên đọc từ tệp như vậy có thể
        khác tên ở các tháng khác: hãy chuyển tệp sang Unicode (công cụ chuyển mã của Unikey) rồi gửi lại.""",
    "F011": """Tên trang được so khớp không phân biệt dấu và chữ hoa, nên "BienDong" và "Biến động" (hoặc bản sao
        "BienDong (2)") là cùng một trang hai lần. Không đoán trang nào là số liệu của tháng: sổ không được tính
        cho đến khi xoá hoặc đổi tên một trong hai trang.""",
    "F012": """Hai ô tiêu đề cùng chỉ một cột ("Ngày" và "Ngày biến động", "Mã" và "Mã học viên") thì không biết
        cột nào có số liệu; trang không được đọc cho đến khi xoá hoặc đổi tên một cột. Các cột không dùng để tính
        (STT, Họ và tên, Ghi chú) được phép lặp lại.""",
    "C008": """Excel và LibreOffice lưu mỗi công thức kèm giá trị đã tính. Sổ do chương trình tạo ra (openpyxl,
        XlsxWriter, xuất từ phần mềm web) có thể chỉ có công thức. Công cụ tự tính công thức khi đó là phép tính
        đơn giản (+ − × ÷, ngoặc) hoặc SUM các ô của cùng trang; công thức khác (trang khác, hàm khác) được báo ở
        đây thay vì đọc thành 0. Mở và lưu lại tệp bằng Excel hoặc LibreOffice sẽ lưu các giá trị.""",
    "C009": """Có mặt và Vắng mặt chia số đang quản lý cuối tháng (Có mặt + Vắng mặt = Cuối kỳ). Ô trống cạnh
        một Cuối kỳ có số không được đọc thành 0: tháng đó của cơ sở không có số có mặt (vắng mặt), và tổng
        của tỉnh chỉ gồm các cơ sở có ghi, kèm số cơ sở ("số liệu của 6/7 cơ sở"). Cách sửa: ghi số, ghi 0
        khi không có ai có mặt (vắng mặt).""",
    "X005": """Mã cơ sở được so khớp không tính khoảng trắng, gạch nối, ký tự ẩn và chữ hoa ("ND 01", "nd-01" và
        "ND01" là một cơ sở). Một tên cơ sở và tỉnh xuất hiện dưới hai mã khác nhau sẽ bị tính thành hai cơ sở và
        làm số liệu của tỉnh tăng gấp đôi; lỗi được ghi ở ô Mã cơ sở của các sổ khác với mã mà phần lớn các sổ
        của cơ sở đó dùng (ở mọi sổ khi không có mã nào được dùng nhiều hơn).""",
    "F013": """Sổ lưu theo định dạng này nhưng mang đuôi của định dạng khác (tệp .xls đặt tên .xlsx, tệp .ods
        đặt tên .xlsx) được đọc theo nội dung, không bị từ chối vì tên. Chỉ là cảnh báo, vì phần mềm khác có
        thể không mở được tệp. Cách sửa: đổi đuôi tệp cho đúng (hoặc lưu lại dưới dạng .xlsx).""",
    "F014": """Excel 2.x, 3.0 và 4.0 lưu trang tính theo định dạng cũ hơn Excel 97. Tệp được đọc khi nội dung
    đọc được (một trang tính của các phiên bản này chỉ có một trang, nên không bao giờ là cả sổ tháng).
    Cách sửa: mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dưới dạng .xlsx.""",
    "F015": """Sổ cũ hơn Excel 97 lưu chữ theo bảng mã của máy đã tạo ra nó. Các bảng mã thường gặp (Windows,
    Mac Roman, Mac Trung Âu ...) được đọc; với bảng mã khác, lưu lại tệp dưới dạng .xlsx sẽ chuyển chữ sang
    Unicode.""",
    "F016": """Một giá trị gõ ở rất xa bảng (ở dòng cuối cùng của trang, ở cột XFD) làm trang rộng hàng triệu ô.
    Ô đó được đọc đúng như nó là, một ô lạc, và được chỉ ra ở đúng chỗ của nó; bảng được đọc như thể ô đó
    trống.""",
    "F017": """Sổ có thể chứa những trang không phải trang tính: trang macro Excel 4.0, trang hộp thoại của macro
    cũ. Các trang này không có số liệu và không được đọc.""",
    "I005": """Một số số liệu cùng thời điểm là một phần của số liệu khác: học viên điều trị ARV
        (DIEU_TRI_ARV) nằm trong số học viên nhiễm HIV đang quản lý (HIV_QUAN_LY). Trong sổ của một tháng,
        phần lớn hơn tổng là lỗi gõ nhầm; tỷ lệ không bao giờ được in từ số liệu đó. (Tỷ lệ đạt chỉ tiêu
        có thể vượt 100%: đó không phải quy tắc này.)""",
    "I006": """Học viên được cấp chứng chỉ (CHUNG_CHI) nằm trong số học viên học nghề (DAY_NGHE), nhưng một
        lớp có thể bắt đầu tháng này và cấp chứng chỉ tháng sau, thậm chí năm sau: trong một kỳ, số chứng
        chỉ nhiều hơn số học nghề là có thể và chỉ là cảnh báo, ghi ở ô Chứng chỉ cuối cùng của kỳ. Báo
        cáo không bao giờ in tỷ lệ trên 100% từ số liệu đó.""",
    "G001": """Tên tỉnh được đối chiếu với danh sách chính thức (rehabstat/data/provinces-2025.toml): tiền tố,
        chữ hoa, dấu và khoảng trắng không quan trọng. Tên không phải tỉnh cũ cũng không phải tỉnh mới được
        giữ nguyên như đã ghi, nên các cơ sở của nó thành một tỉnh riêng trong mọi bảng tổng hợp. Cách
        sửa: ghi tên tỉnh như trong danh sách.""",
    "G002": """Từ 01/07/2025 cả nước có 34 tỉnh, thành phố. Sổ của một tháng sau ngày đó mà ghi tên tỉnh cũ vẫn
        được đọc và tính vào tỉnh mới mà tỉnh cũ đã nhập vào.""",
    "R001": """Mục "Ngày gửi" (không bắt buộc) ở trang ThongTin cho biết ngày gửi sổ, để tính tỷ lệ gửi đúng
        hạn. Nếu không đọc được, tháng đó vẫn được tính là đã nhận nhưng không được tính là đúng hạn.""",
}
