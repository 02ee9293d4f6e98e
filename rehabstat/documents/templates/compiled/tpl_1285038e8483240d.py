from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = None

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_doc = resolve('doc')
    l_0_draft_reasons = resolve('draft_reasons')
    l_0_unit = resolve('unit')
    l_0_plan = resolve('plan')
    l_0_period = resolve('period')
    l_0_sec = resolve('sec')
    l_0_v = resolve('v')
    l_0_n = resolve('n')
    l_0_rates = resolve('rates')
    l_0_has = resolve('has')
    l_0_cmp = resolve('cmp')
    l_0_told = resolve('told')
    l_0_parts_all = resolve('parts_all')
    l_0_parts = resolve('parts')
    l_0_education_groups = resolve('education_groups')
    l_0_labour = resolve('labour')
    l_0_money = resolve('money')
    l_0_pct = resolve('pct')
    l_0_reintegration_groups = resolve('reintegration_groups')
    l_0_prov = resolve('prov')
    l_0_table = resolve('table')
    l_0_gaps = resolve('gaps')
    l_0_timeliness = resolve('timeliness')
    l_0_annex = resolve('annex')
    l_0_targets = resolve('targets')
    l_0_approval = resolve('approval')
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_2 = environment.filters['upper']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'upper' found.")
    pass
    yield '<w:body xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" xmlns:mo="http://schemas.microsoft.com/office/mac/office/2008/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:mv="urn:schemas-microsoft-com:mac:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:w10="urn:schemas-microsoft-com:office:word" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk" xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:tbl><w:tblPr><w:tblW w:w="9499" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar><w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid><w:gridCol w:w="3829"/><w:gridCol w:w="5670"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="3829" w:type="dxa"/><w:vAlign w:val="top"/></w:tcPr>'
    if environment.getattr((undefined(name='doc') if l_0_doc is missing else l_0_doc), 'parent_agency'):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="VBHeaderParent"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.getattr((undefined(name='doc') if l_0_doc is missing else l_0_doc), 'parent_agency'))
        yield '</w:t></w:r></w:p>'
    yield '\n<w:p><w:pPr><w:pStyle w:val="VBHeaderAgency"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.getattr((undefined(name='doc') if l_0_doc is missing else l_0_doc), 'agency'))
    yield '</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="VBRule"/><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr><w:ind w:left="1214" w:right="1214"/></w:pPr></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="5670" w:type="dxa"/><w:vAlign w:val="top"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBNational"/></w:pPr><w:r><w:t>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="VBMotto"/></w:pPr><w:r><w:t>Độc lập - Tự do - Hạnh phúc</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="VBRule"/><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr><w:ind w:left="1245" w:right="1245"/></w:pPr></w:p></w:tc></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="3829" w:type="dxa"/><w:vAlign w:val="top"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBHeaderNumber"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.getattr((undefined(name='doc') if l_0_doc is missing else l_0_doc), 'number_line'))
    yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="5670" w:type="dxa"/><w:vAlign w:val="top"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBPlaceDate"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.getattr((undefined(name='doc') if l_0_doc is missing else l_0_doc), 'place_date'))
    yield '</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
    if environment.getattr((undefined(name='doc') if l_0_doc is missing else l_0_doc), 'draft'):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="VBDraft"/></w:pPr><w:r><w:t>DỰ THẢO – SỐ LIỆU CHƯA ĐẦY ĐỦ HOẶC CHƯA ĐƯỢC KIỂM TRA</w:t></w:r></w:p>'
        for l_1_g in (undefined(name='draft_reasons') if l_0_draft_reasons is missing else l_0_draft_reasons):
            _loop_vars = {}
            pass
            yield '\n<w:p><w:pPr><w:pStyle w:val="VBTableLegend"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(l_1_g)
            yield '</w:t></w:r></w:p>'
        l_1_g = missing
    yield '\n<w:p><w:pPr><w:pStyle w:val="VBTitle"/></w:pPr><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="VBSubject"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.getattr((undefined(name='doc') if l_0_doc is missing else l_0_doc), 'subject'))
    yield '</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="VBRule"/><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr><w:spacing w:after="240"/><w:ind w:left="3377" w:right="3377"/></w:pPr></w:p>'
    l_1_loop = missing
    for l_1_b, l_1_loop in LoopContext(environment.getattr((undefined(name='doc') if l_0_doc is missing else l_0_doc), 'legal_bases'), undefined):
        _loop_vars = {}
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="VBBasis"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(l_1_b)
        if environment.getattr(l_1_loop, 'last'):
            pass
            yield '.'
        else:
            pass
            yield ';'
        yield '</w:t></w:r></w:p>'
    l_1_loop = l_1_b = missing
    yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'name'))
    yield ' xây dựng Kế hoạch công tác '
    yield escape(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'label'))
    yield ', cụ thể như sau:</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="VBHeadingPart"/></w:pPr><w:r><w:t>Phần I</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="VBHeadingPartTitle"/></w:pPr><w:r><w:t xml:space="preserve">ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN KẾ HOẠCH CÔNG TÁC '
    yield escape(t_2(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'label')))
    yield '</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="VBHeading1"/></w:pPr><w:r><w:t>I. KẾT QUẢ THỰC HIỆN</w:t></w:r></w:p>'
    if environment.getattr((undefined(name='sec') if l_0_sec is missing else l_0_sec), 'communication'):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="VBHeading2"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.getattr((undefined(name='sec') if l_0_sec is missing else l_0_sec), 'communication'))
        yield '. Công tác tập huấn, tuyên truyền</w:t></w:r></w:p>'
        if (environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'TAP_HUAN'), 'ALL') or environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'CAN_BO_TAP_HUAN'), 'ALL')):
            pass
            yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">- Công tác tập huấn: Đã tổ chức tập huấn nâng cao năng lực công tác cai nghiện ma túy và quản lý sau cai nghiện cho '
            if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'TAP_HUAN'), 'ALL'):
                pass
                yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'TAP_HUAN'), 'ALL'))
                yield ' lượt cán bộ các cấp'
                if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'CAN_BO_TAP_HUAN'), 'ALL'):
                    pass
                    yield ' ('
                    yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'CAN_BO_TAP_HUAN'), 'ALL'))
                    yield ' cán bộ'
                    if environment.getattr((undefined(name='rates') if l_0_rates is missing else l_0_rates), 'TAP_HUAN'):
                        pass
                        yield ', đạt '
                        yield escape(environment.getattr((undefined(name='rates') if l_0_rates is missing else l_0_rates), 'TAP_HUAN'))
                        yield ' đội ngũ làm công tác dự phòng, điều trị nghiện'
                    yield ')'
            else:
                pass
                yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'CAN_BO_TAP_HUAN'), 'ALL'))
                yield ' cán bộ'
                if environment.getattr((undefined(name='rates') if l_0_rates is missing else l_0_rates), 'TAP_HUAN'):
                    pass
                    yield ' ('
                    yield escape(environment.getattr((undefined(name='rates') if l_0_rates is missing else l_0_rates), 'TAP_HUAN'))
                    yield ' đội ngũ làm công tác dự phòng, điều trị nghiện)'
            yield '.</w:t></w:r></w:p>'
        if ((environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'TUYEN_TRUYEN_HUYEN'), 'ALL') or environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'TUYEN_TRUYEN_XA'), 'ALL')) or environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'TUYEN_TRUYEN_LUOT'), 'ALL')):
            pass
            yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">- Công tác tuyên truyền: Đã tổ chức thực hiện tuyên truyền'
            if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'TUYEN_TRUYEN_HUYEN'), 'ALL'):
                pass
                yield ' tại '
                yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'TUYEN_TRUYEN_HUYEN'), 'ALL'))
                if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'HUYEN'), 'ALL'):
                    pass
                    yield '/'
                    yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'HUYEN'), 'ALL'))
                yield ' huyện, thành phố'
            if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'TUYEN_TRUYEN_XA'), 'ALL'):
                pass
                if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'TUYEN_TRUYEN_HUYEN'), 'ALL'):
                    pass
                    yield ' và'
                else:
                    pass
                    yield ' tại'
                yield ' '
                yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'TUYEN_TRUYEN_XA'), 'ALL'))
                if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'XA'), 'ALL'):
                    pass
                    yield '/'
                    yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'XA'), 'ALL'))
                yield ' xã, phường, thị trấn'
            if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'TUYEN_TRUYEN_LUOT'), 'ALL'):
                pass
                yield ' với '
                yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'TUYEN_TRUYEN_LUOT'), 'ALL'))
                yield ' lượt người tham dự'
            yield '.</w:t></w:r></w:p>'
        if ((environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'TO_ROI'), 'ALL') or environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'AP_PHICH'), 'ALL')) or environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'SO_TAY'), 'ALL')):
            pass
            yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t>Cấp phát tài liệu tuyên truyền miễn phí cho cơ sở (huyện, xã):</w:t></w:r></w:p>'
            if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'TO_ROI'), 'ALL'):
                pass
                yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">+ '
                yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'TO_ROI'), 'ALL'))
                yield ' tờ rơi tuyên truyền về nghiện và điều trị nghiện ma túy'
                if (environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'AP_PHICH'), 'ALL') or environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'SO_TAY'), 'ALL')):
                    pass
                    yield ';'
                else:
                    pass
                    yield '.'
                yield '</w:t></w:r></w:p>'
            if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'AP_PHICH'), 'ALL'):
                pass
                yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">+ '
                yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'AP_PHICH'), 'ALL'))
                yield ' tờ áp phích tuyên truyền'
                if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'SO_TAY'), 'ALL'):
                    pass
                    yield ';'
                else:
                    pass
                    yield '.'
                yield '</w:t></w:r></w:p>'
            if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'SO_TAY'), 'ALL'):
                pass
                yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">+ '
                yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'SO_TAY'), 'ALL'))
                yield ' quyển sổ tay về phòng, chống ma túy.</w:t></w:r></w:p>'
    if environment.getattr((undefined(name='sec') if l_0_sec is missing else l_0_sec), 'admissions'):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="VBHeading2"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.getattr((undefined(name='sec') if l_0_sec is missing else l_0_sec), 'admissions'))
        yield '. Công tác tiếp nhận và khám chữa bệnh cho học viên</w:t></w:r></w:p>'
        if environment.getattr((undefined(name='has') if l_0_has is missing else l_0_has), 'admissions'):
            pass
            if (environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'level') == 'province'):
                pass
                yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">'
                if environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'label_compact'):
                    pass
                    yield 'Trong '
                    yield escape(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'label_compact'))
                else:
                    pass
                    yield 'Đến ngày '
                    yield escape(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'end'))
                yield ', '
                yield escape(environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'short'))
                yield ' đang quản lý: '
                yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'CUOI_KY'), 'ALL'))
                yield ' học viên'
                if environment.getattr(environment.getattr((undefined(name='cmp') if l_0_cmp is missing else l_0_cmp), 'CUOI_KY'), 'ALL'):
                    pass
                    yield ', '
                    yield escape(environment.getattr(environment.getattr((undefined(name='cmp') if l_0_cmp is missing else l_0_cmp), 'CUOI_KY'), 'ALL'))
                yield '.'
                if environment.getattr((undefined(name='told') if l_0_told is missing else l_0_told), 'CO_MAT'):
                    pass
                    yield ' Trong đó, có mặt tại cơ sở'
                    if environment.getattr((undefined(name='told') if l_0_told is missing else l_0_told), 'CO_MAT_of'):
                        pass
                        yield ' (số liệu của '
                        yield escape(environment.getattr((undefined(name='told') if l_0_told is missing else l_0_told), 'CO_MAT_of'))
                        yield ')'
                    yield ': '
                    yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'CO_MAT'), 'ALL'))
                    yield ' người'
                    if environment.getattr((undefined(name='parts_all') if l_0_parts_all is missing else l_0_parts_all), 'CO_MAT'):
                        pass
                        yield ' ('
                        yield escape(environment.getattr((undefined(name='parts_all') if l_0_parts_all is missing else l_0_parts_all), 'CO_MAT'))
                        if environment.getattr((undefined(name='told') if l_0_told is missing else l_0_told), 'VANG_MAT'):
                            pass
                            yield '; vắng mặt'
                            if environment.getattr((undefined(name='told') if l_0_told is missing else l_0_told), 'VANG_MAT_of'):
                                pass
                                yield ' (số liệu của '
                                yield escape(environment.getattr((undefined(name='told') if l_0_told is missing else l_0_told), 'VANG_MAT_of'))
                                yield ')'
                            yield ': '
                            yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'VANG_MAT'), 'ALL'))
                            yield ' người'
                        yield ')'
                    elif environment.getattr((undefined(name='told') if l_0_told is missing else l_0_told), 'VANG_MAT'):
                        pass
                        yield '; vắng mặt'
                        if environment.getattr((undefined(name='told') if l_0_told is missing else l_0_told), 'VANG_MAT_of'):
                            pass
                            yield ' (số liệu của '
                            yield escape(environment.getattr((undefined(name='told') if l_0_told is missing else l_0_told), 'VANG_MAT_of'))
                            yield ')'
                        yield ': '
                        yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'VANG_MAT'), 'ALL'))
                        yield ' người'
                    yield '.'
                elif environment.getattr((undefined(name='told') if l_0_told is missing else l_0_told), 'VANG_MAT'):
                    pass
                    yield ' Vắng mặt'
                    if environment.getattr((undefined(name='told') if l_0_told is missing else l_0_told), 'VANG_MAT_of'):
                        pass
                        yield ' (số liệu của '
                        yield escape(environment.getattr((undefined(name='told') if l_0_told is missing else l_0_told), 'VANG_MAT_of'))
                        yield ')'
                    yield ': '
                    yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'VANG_MAT'), 'ALL'))
                    yield ' người.'
                yield '</w:t></w:r></w:p>'
            yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">Lũy kế '
            yield escape(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'prev_label'))
            yield ' chuyển sang là '
            yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'DAU_KY'), 'HV'))
            yield ' học viên'
            if ((environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'level') == 'province') and environment.getattr((undefined(name='has') if l_0_has is missing else l_0_has), 'methadone')):
                pass
                yield ' (không kể bệnh nhân điều trị Methadone)'
            if environment.getattr((undefined(name='parts') if l_0_parts is missing else l_0_parts), 'DAU_KY'):
                pass
                yield ', trong đó: '
                yield escape(environment.getattr((undefined(name='parts') if l_0_parts is missing else l_0_parts), 'DAU_KY'))
            yield '.</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">'
            if environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'label_compact'):
                pass
                yield 'Trong '
                yield escape(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'label'))
                yield ' (từ '
                yield escape(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'start'))
                yield ' đến '
                yield escape(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'end'))
                yield ')'
            else:
                pass
                yield 'Từ ngày '
                yield escape(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'start'))
                yield ' đến ngày '
                yield escape(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'end'))
            yield ' '
            yield escape(environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'short'))
            yield ' tiếp nhận '
            yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'TIEP_NHAN'), 'HV'))
            yield ' học viên vào'
            if ((environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'level') == 'province') and environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'TIEP_NHAN'), 'MET')):
                pass
                yield ' (không kể bệnh nhân điều trị Methadone)'
            if environment.getattr(environment.getattr((undefined(name='cmp') if l_0_cmp is missing else l_0_cmp), 'TIEP_NHAN'), 'HV'):
                pass
                yield ', '
                yield escape(environment.getattr(environment.getattr((undefined(name='cmp') if l_0_cmp is missing else l_0_cmp), 'TIEP_NHAN'), 'HV'))
            if environment.getattr((undefined(name='parts') if l_0_parts is missing else l_0_parts), 'TIEP_NHAN'):
                pass
                if environment.getattr(environment.getattr((undefined(name='cmp') if l_0_cmp is missing else l_0_cmp), 'TIEP_NHAN'), 'HV'):
                    pass
                    yield ';'
                else:
                    pass
                    yield ','
                yield ' trong đó: '
                yield escape(environment.getattr((undefined(name='parts') if l_0_parts is missing else l_0_parts), 'TIEP_NHAN'))
            yield '.</w:t></w:r></w:p>'
            if (environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'HOAN_THANH'), 'HV') and (not environment.getattr((undefined(name='sec') if l_0_sec is missing else l_0_sec), 'aftercare'))):
                pass
                yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">Tổng số học viên hoàn thành thời gian cai nghiện về địa phương (từ '
                yield escape(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'start'))
                yield ' đến '
                yield escape(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'end'))
                yield ') là '
                yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'HOAN_THANH'), 'HV'))
                yield ' học viên'
                if environment.getattr(environment.getattr((undefined(name='cmp') if l_0_cmp is missing else l_0_cmp), 'HOAN_THANH'), 'HV'):
                    pass
                    yield ', '
                    yield escape(environment.getattr(environment.getattr((undefined(name='cmp') if l_0_cmp is missing else l_0_cmp), 'HOAN_THANH'), 'HV'))
                if environment.getattr((undefined(name='parts') if l_0_parts is missing else l_0_parts), 'HOAN_THANH'):
                    pass
                    if environment.getattr(environment.getattr((undefined(name='cmp') if l_0_cmp is missing else l_0_cmp), 'HOAN_THANH'), 'HV'):
                        pass
                        yield ';'
                    else:
                        pass
                        yield ','
                    yield ' trong đó: '
                    yield escape(environment.getattr((undefined(name='parts') if l_0_parts is missing else l_0_parts), 'HOAN_THANH'))
                yield '.</w:t></w:r></w:p>'
            if (environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'TRON'), 'HV') or environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'BAT_LAI'), 'HV')):
                pass
                yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">Tổng số trốn trong '
                yield escape(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'label_short'))
                yield ' là '
                yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'TRON'), 'HV'))
                yield ' lượt học viên'
                if environment.getattr(environment.getattr((undefined(name='cmp') if l_0_cmp is missing else l_0_cmp), 'TRON'), 'HV'):
                    pass
                    yield ' ('
                    yield escape(environment.getattr(environment.getattr((undefined(name='cmp') if l_0_cmp is missing else l_0_cmp), 'TRON'), 'HV'))
                    yield ')'
                if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'BAT_LAI'), 'HV'):
                    pass
                    yield ', đã bắt quay trở lại '
                    yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'BAT_LAI'), 'HV'))
                    yield ' học viên'
                yield '.</w:t></w:r></w:p>'
            if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'TAM_DINH_CHI'), 'HV'):
                pass
                yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">Tạm đình chỉ, bàn giao cho cơ quan Công an '
                yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'TAM_DINH_CHI'), 'HV'))
                yield ' học viên.</w:t></w:r></w:p>'
            if ((((environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'CHUYEN_DEN'), 'HV') or environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'CHUYEN_DI'), 'HV')) or environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'TU_VONG'), 'HV')) or environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'RA_KHAC'), 'HV')) or environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'CHUYEN_DIEN_DEN'), 'MET')):
                pass
                yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">'
                if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'CHUYEN_DEN'), 'HV'):
                    pass
                    yield 'Chuyển đến '
                    yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'CHUYEN_DEN'), 'HV'))
                    yield ' học viên. '
                if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'CHUYEN_DIEN_DEN'), 'MET'):
                    pass
                    yield 'Chuyển sang điều trị Methadone '
                    yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'CHUYEN_DIEN_DEN'), 'MET'))
                    yield ' học viên. '
                if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'CHUYEN_DI'), 'HV'):
                    pass
                    yield 'Chuyển đi '
                    yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'CHUYEN_DI'), 'HV'))
                    yield ' học viên. '
                if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'TU_VONG'), 'HV'):
                    pass
                    yield 'Tử vong '
                    yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'TU_VONG'), 'HV'))
                    yield ' học viên. '
                if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'RA_KHAC'), 'HV'):
                    pass
                    yield 'Ra khỏi '
                    yield escape(environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'short'))
                    yield ' vì lý do khác '
                    yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'RA_KHAC'), 'HV'))
                    yield ' học viên.'
                yield '</w:t></w:r></w:p>'
            if (environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'level') != 'province'):
                pass
                yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">Số học viên đang quản lý đến ngày '
                yield escape(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'end'))
                yield ' là '
                yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'CUOI_KY'), 'HV'))
                yield ' học viên'
                if environment.getattr(environment.getattr((undefined(name='cmp') if l_0_cmp is missing else l_0_cmp), 'CUOI_KY'), 'HV'):
                    pass
                    yield ', '
                    yield escape(environment.getattr(environment.getattr((undefined(name='cmp') if l_0_cmp is missing else l_0_cmp), 'CUOI_KY'), 'HV'))
                if ((environment.getattr((undefined(name='told') if l_0_told is missing else l_0_told), 'CO_MAT') and environment.getattr((undefined(name='told') if l_0_told is missing else l_0_told), 'VANG_MAT')) and (environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'CO_MAT'), 'HV') or environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'VANG_MAT'), 'HV'))):
                    pass
                    yield ' (có mặt '
                    yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'CO_MAT'), 'HV'))
                    yield ', vắng mặt '
                    yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'VANG_MAT'), 'HV'))
                    yield ')'
                elif (environment.getattr((undefined(name='told') if l_0_told is missing else l_0_told), 'CO_MAT') and environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'CO_MAT'), 'HV')):
                    pass
                    yield ' (có mặt '
                    yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'CO_MAT'), 'HV'))
                    yield ')'
                elif (environment.getattr((undefined(name='told') if l_0_told is missing else l_0_told), 'VANG_MAT') and environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'VANG_MAT'), 'HV')):
                    pass
                    yield ' (vắng mặt '
                    yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'VANG_MAT'), 'HV'))
                    yield ')'
                if environment.getattr((undefined(name='parts') if l_0_parts is missing else l_0_parts), 'CUOI_KY'):
                    pass
                    yield ', trong đó: '
                    yield escape(environment.getattr((undefined(name='parts') if l_0_parts is missing else l_0_parts), 'CUOI_KY'))
                yield '.</w:t></w:r></w:p>'
        if environment.getattr((undefined(name='has') if l_0_has is missing else l_0_has), 'medical'):
            pass
            yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">'
            if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'KHAM_BENH'), 'ALL'):
                pass
                yield 'Số lượng học viên được thăm khám trong '
                yield escape(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'label_short'))
                yield ' là '
                yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'KHAM_BENH'), 'ALL'))
                yield ' lượt'
                if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'DIEU_TRI_BENH'), 'ALL'):
                    pass
                    yield ', tổng số các ca bệnh đã được điều trị là '
                    yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'DIEU_TRI_BENH'), 'ALL'))
                    yield ' ca'
                yield '. '
            if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'SANG_LOC_LAO'), 'ALL'):
                pass
                yield 'Phối hợp các cơ sở y tế tổ chức khám sàng lọc lao cho '
                yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'SANG_LOC_LAO'), 'ALL'))
                yield ' lượt học viên'
                if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'MAU_DOM_LAO'), 'ALL'):
                    pass
                    yield ', lấy mẫu đờm nghi lao '
                    yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'MAU_DOM_LAO'), 'ALL'))
                    yield ' ca'
                if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'XN_HIV'), 'ALL'):
                    pass
                    yield '; xét nghiệm sàng lọc HIV '
                    yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'XN_HIV'), 'ALL'))
                    yield ' mẫu'
                yield '. '
            elif environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'XN_HIV'), 'ALL'):
                pass
                yield 'Xét nghiệm sàng lọc HIV '
                yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'XN_HIV'), 'ALL'))
                yield ' mẫu. '
            if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'HIV_QUAN_LY'), 'ALL'):
                pass
                yield 'Học viên nhiễm HIV hiện đang quản lý tại '
                yield escape(environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'short'))
                yield ' là: '
                yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'HIV_QUAN_LY'), 'ALL'))
                yield ' học viên; số được điều trị ARV là '
                yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'DIEU_TRI_ARV'), 'ALL'))
                yield ' học viên'
                if environment.getattr((undefined(name='rates') if l_0_rates is missing else l_0_rates), 'ARV'):
                    pass
                    yield ' (đạt '
                    yield escape(environment.getattr((undefined(name='rates') if l_0_rates is missing else l_0_rates), 'ARV'))
                    yield ')'
                yield '.'
            yield '</w:t></w:r></w:p>'
        if environment.getattr((undefined(name='has') if l_0_has is missing else l_0_has), 'methadone'):
            pass
            yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">Công tác điều trị thay thế nghiện các chất dạng thuốc phiện bằng thuốc Methadone: kết quả lũy kế '
            yield escape(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'prev_label'))
            yield ' chuyển sang '
            yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'DAU_KY'), 'MET'))
            yield ' bệnh nhân, trong '
            yield escape(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'label_short'))
            yield ' vào '
            yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'VAO_MET'), 'MET'))
            yield ' bệnh nhân'
            if environment.getattr((undefined(name='parts') if l_0_parts is missing else l_0_parts), 'VAO_MET'):
                pass
                yield ' ('
                yield escape(environment.getattr((undefined(name='parts') if l_0_parts is missing else l_0_parts), 'VAO_MET'))
                yield ')'
            yield ', ra '
            yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'RA_MET'), 'MET'))
            yield ' bệnh nhân'
            if environment.getattr((undefined(name='parts') if l_0_parts is missing else l_0_parts), 'RA_MET'):
                pass
                yield ' ('
                yield escape(environment.getattr((undefined(name='parts') if l_0_parts is missing else l_0_parts), 'RA_MET'))
                yield ')'
            yield '. Đến ngày '
            yield escape(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'end'))
            yield ' đang điều trị cho '
            yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'CUOI_KY'), 'MET'))
            yield ' bệnh nhân'
            if environment.getattr(environment.getattr((undefined(name='cmp') if l_0_cmp is missing else l_0_cmp), 'CUOI_KY'), 'MET'):
                pass
                yield ', '
                yield escape(environment.getattr(environment.getattr((undefined(name='cmp') if l_0_cmp is missing else l_0_cmp), 'CUOI_KY'), 'MET'))
            yield '.</w:t></w:r></w:p>'
    if environment.getattr((undefined(name='sec') if l_0_sec is missing else l_0_sec), 'management'):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="VBHeading2"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.getattr((undefined(name='sec') if l_0_sec is missing else l_0_sec), 'management'))
        yield '. Công tác quản lý học viên</w:t></w:r></w:p>'
        if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'TRON'), 'HV'):
            pass
            yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">Công tác quản lý học viên được duy trì; các trường hợp học viên trốn'
            if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'BAT_LAI'), 'HV'):
                pass
                yield ', bắt trở lại'
            yield ' trong '
            yield escape(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'label_short'))
            yield ' đã nêu tại mục '
            yield escape(environment.getattr((undefined(name='sec') if l_0_sec is missing else l_0_sec), 'admissions'))
            yield '.</w:t></w:r></w:p>'
        if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'VI_PHAM'), 'ALL'):
            pass
            yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">Học viên vi phạm nội quy bị lập biên bản và xử lý kỷ luật: '
            yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'VI_PHAM'), 'ALL'))
            yield ' lượt học viên.</w:t></w:r></w:p>'
        if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'THAM_LAU'), 'ALL'):
            pass
            yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">Thực hiện công tác kiểm tra, tuần tra khu vực vòng ngoài, địa phận giáp ranh; kết quả '
            yield escape(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'label'))
            yield ' đã phát hiện, ngăn chặn, xử lý '
            yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'THAM_LAU'), 'ALL'))
            yield ' vụ thẩm lậu đồ vào '
            yield escape(environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'short'))
            yield '.</w:t></w:r></w:p>'
        if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'THAM_GAP'), 'ALL'):
            pass
            yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">Tổ chức tiếp đón thân nhân học viên theo quy định được '
            yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'THAM_GAP'), 'ALL'))
            yield ' lượt.</w:t></w:r></w:p>'
    if environment.getattr((undefined(name='sec') if l_0_sec is missing else l_0_sec), 'education'):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="VBHeading2"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.getattr((undefined(name='sec') if l_0_sec is missing else l_0_sec), 'education'))
        yield '. Công tác tuyên truyền, tư vấn, giáo dục</w:t></w:r></w:p>'
        if environment.getattr((undefined(name='has') if l_0_has is missing else l_0_has), 'education_groups'):
            pass
            yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">Trong '
            yield escape(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'label_short'))
            yield ', '
            yield escape(environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'short'))
            yield ' '
            l_1_loop = missing
            for l_1_x, l_1_loop in LoopContext((undefined(name='education_groups') if l_0_education_groups is missing else l_0_education_groups), undefined):
                _loop_vars = {}
                pass
                yield escape(l_1_x)
                if (not environment.getattr(l_1_loop, 'last')):
                    pass
                    yield '; '
            l_1_loop = l_1_x = missing
            yield '.</w:t></w:r></w:p>'
        else:
            pass
            yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">Trong '
            yield escape(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'label'))
            yield ', '
            yield escape(environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'short'))
            yield ' đã tổ chức:</w:t></w:r></w:p>'
            if (environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'REN_LUYEN_BUOI'), 'ALL') or environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'REN_LUYEN_LUOT'), 'ALL')):
                pass
                yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">+ Rèn luyện thể chất phục hồi sức khỏe cho học viên mới vào và học viên có sức khỏe yếu: '
                yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'REN_LUYEN_BUOI'), 'ALL'))
                yield ' buổi với '
                yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'REN_LUYEN_LUOT'), 'ALL'))
                yield ' lượt học viên.</w:t></w:r></w:p>'
            if (environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'GIAO_DUC_BUOI'), 'ALL') or environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'GIAO_DUC_LUOT'), 'ALL')):
                pass
                yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">+ Tuyên truyền, giáo dục về pháp luật, nội quy, quy định của '
                yield escape(environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'short'))
                yield ', đạo đức, lối sống, phòng chống HIV/AIDS và các bệnh truyền nhiễm cho học viên: '
                yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'GIAO_DUC_BUOI'), 'ALL'))
                yield ' buổi/'
                yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'GIAO_DUC_LUOT'), 'ALL'))
                yield ' lượt học viên.</w:t></w:r></w:p>'
    if environment.getattr((undefined(name='sec') if l_0_sec is missing else l_0_sec), 'labour'):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="VBHeading2"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.getattr((undefined(name='sec') if l_0_sec is missing else l_0_sec), 'labour'))
        yield '. Công tác lao động trị liệu, dạy nghề</w:t></w:r></w:p>'
        if environment.getattr((undefined(name='has') if l_0_has is missing else l_0_has), 'labour'):
            pass
            if environment.getattr((undefined(name='labour') if l_0_labour is missing else l_0_labour), 'whole'):
                pass
                yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">Kết quả: Tổng doanh thu qua lao động trong '
                yield escape(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'label'))
                yield ' là '
                yield escape(environment.getattr((undefined(name='money') if l_0_money is missing else l_0_money), 'DOANH_THU'))
                yield ' (đã chi phí là '
                yield escape(environment.getattr((undefined(name='money') if l_0_money is missing else l_0_money), 'CHI_PHI'))
                yield '; ước lợi nhuận là '
                yield escape(environment.getattr((undefined(name='money') if l_0_money is missing else l_0_money), 'LOI_NHUAN'))
                yield '). Trong đó: trích '
                yield escape(environment.getattr((undefined(name='pct') if l_0_pct is missing else l_0_pct), 'CCTL'))
                yield ' cải cách tiền lương là '
                yield escape(environment.getattr((undefined(name='money') if l_0_money is missing else l_0_money), 'TRICH_CCTL'))
                yield '; trích bổ sung các quỹ: quỹ khen thưởng '
                yield escape(environment.getattr((undefined(name='money') if l_0_money is missing else l_0_money), 'QUY_KHEN_THUONG'))
                yield ', quỹ phúc lợi '
                yield escape(environment.getattr((undefined(name='money') if l_0_money is missing else l_0_money), 'QUY_PHUC_LOI'))
                yield ', quỹ phát triển hoạt động sự nghiệp '
                yield escape(environment.getattr((undefined(name='money') if l_0_money is missing else l_0_money), 'QUY_PHAT_TRIEN'))
                yield ', quỹ dự phòng ổn định thu nhập '
                yield escape(environment.getattr((undefined(name='money') if l_0_money is missing else l_0_money), 'QUY_DU_PHONG'))
                yield '.</w:t></w:r></w:p>'
            elif environment.getattr((undefined(name='labour') if l_0_labour is missing else l_0_labour), 'split'):
                pass
                yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">Kết quả: Tổng doanh thu qua lao động trong '
                yield escape(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'label'))
                yield ' là '
                yield escape(environment.getattr((undefined(name='money') if l_0_money is missing else l_0_money), 'DOANH_THU'))
                yield ' (đã chi phí là '
                yield escape(environment.getattr((undefined(name='money') if l_0_money is missing else l_0_money), 'CHI_PHI'))
                yield '; '
                if environment.getattr((undefined(name='labour') if l_0_labour is missing else l_0_labour), 'loss'):
                    pass
                    yield 'chi phí vượt doanh thu '
                    yield escape(environment.getattr((undefined(name='money') if l_0_money is missing else l_0_money), 'LOI_NHUAN_ABS'))
                else:
                    pass
                    yield 'chênh lệch thu chi là '
                    yield escape(environment.getattr((undefined(name='money') if l_0_money is missing else l_0_money), 'LOI_NHUAN'))
                yield '). Các quỹ được trích từ chênh lệch của từng cơ sở có doanh thu vượt chi phí (cộng '
                yield escape(environment.getattr((undefined(name='money') if l_0_money is missing else l_0_money), 'QUY_CO_SO'))
                yield '); cơ sở có doanh thu không vượt chi phí không trích lập. Trong đó: trích '
                yield escape(environment.getattr((undefined(name='pct') if l_0_pct is missing else l_0_pct), 'CCTL'))
                yield ' cải cách tiền lương là '
                yield escape(environment.getattr((undefined(name='money') if l_0_money is missing else l_0_money), 'TRICH_CCTL'))
                yield '; trích bổ sung các quỹ: quỹ khen thưởng '
                yield escape(environment.getattr((undefined(name='money') if l_0_money is missing else l_0_money), 'QUY_KHEN_THUONG'))
                yield ', quỹ phúc lợi '
                yield escape(environment.getattr((undefined(name='money') if l_0_money is missing else l_0_money), 'QUY_PHUC_LOI'))
                yield ', quỹ phát triển hoạt động sự nghiệp '
                yield escape(environment.getattr((undefined(name='money') if l_0_money is missing else l_0_money), 'QUY_PHAT_TRIEN'))
                yield ', quỹ dự phòng ổn định thu nhập '
                yield escape(environment.getattr((undefined(name='money') if l_0_money is missing else l_0_money), 'QUY_DU_PHONG'))
                yield '.</w:t></w:r></w:p>'
            else:
                pass
                yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">Kết quả: Tổng doanh thu qua lao động trong '
                yield escape(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'label'))
                yield ' là '
                yield escape(environment.getattr((undefined(name='money') if l_0_money is missing else l_0_money), 'DOANH_THU'))
                yield ' (đã chi phí là '
                yield escape(environment.getattr((undefined(name='money') if l_0_money is missing else l_0_money), 'CHI_PHI'))
                yield '); doanh thu không vượt chi phí nên không có chênh lệch để trích lập các quỹ.</w:t></w:r></w:p>'
        if environment.getattr((undefined(name='has') if l_0_has is missing else l_0_has), 'vocational'):
            pass
            yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">Trong '
            yield escape(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'label'))
            yield ' đã tổ chức dạy nghề cho '
            yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'DAY_NGHE'), 'ALL'))
            yield ' học viên'
            if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'DAY_NGHE_LOP'), 'ALL'):
                pass
                yield '/'
                yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'DAY_NGHE_LOP'), 'ALL'))
                yield ' lớp'
            yield '.'
            if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'CHUNG_CHI'), 'ALL'):
                pass
                yield ' '
                yield escape(environment.getattr((undefined(name='rates') if l_0_rates is missing else l_0_rates), 'CHUNG_CHI'))
                yield ' học viên được cấp chứng chỉ nghề ('
                yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'CHUNG_CHI'), 'ALL'))
                yield ' học viên).'
            yield '</w:t></w:r></w:p>'
    if environment.getattr((undefined(name='sec') if l_0_sec is missing else l_0_sec), 'reintegration'):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="VBHeading2"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.getattr((undefined(name='sec') if l_0_sec is missing else l_0_sec), 'reintegration'))
        yield '. Công tác phòng chống tái nghiện, chuẩn bị tái hòa nhập cộng đồng</w:t></w:r></w:p>'
        if environment.getattr((undefined(name='has') if l_0_has is missing else l_0_has), 'reintegration_groups'):
            pass
            yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">Trong '
            yield escape(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'label_short'))
            yield ', '
            l_1_loop = missing
            for l_1_x, l_1_loop in LoopContext((undefined(name='reintegration_groups') if l_0_reintegration_groups is missing else l_0_reintegration_groups), undefined):
                _loop_vars = {}
                pass
                yield escape(l_1_x)
                if (not environment.getattr(l_1_loop, 'last')):
                    pass
                    yield '; '
            l_1_loop = l_1_x = missing
            yield '.</w:t></w:r></w:p>'
        else:
            pass
            if (environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'TU_VAN_BUOI'), 'ALL') or environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'TU_VAN_LUOT'), 'ALL')):
                pass
                yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">Tổ chức đánh giá nhận xét kết quả học tập, rèn luyện của học viên chuẩn bị hết hạn về địa phương và tư vấn xây dựng kế hoạch tái hòa nhập cộng đồng '
                yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'TU_VAN_BUOI'), 'ALL'))
                yield ' buổi/'
                yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'TU_VAN_LUOT'), 'ALL'))
                yield ' lượt học viên.</w:t></w:r></w:p>'
            if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'TU_VAN_VIEC_LAM'), 'ALL'):
                pass
                yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">Phối hợp tư vấn nghề nghiệp, giới thiệu việc làm cho '
                yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'TU_VAN_VIEC_LAM'), 'ALL'))
                yield ' lượt học viên.</w:t></w:r></w:p>'
    if environment.getattr((undefined(name='sec') if l_0_sec is missing else l_0_sec), 'community'):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="VBHeading2"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.getattr((undefined(name='sec') if l_0_sec is missing else l_0_sec), 'community'))
        yield '. Công tác cai nghiện ma túy tại gia đình, cộng đồng</w:t></w:r></w:p>'
        if (environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'CAI_NGHIEN_GIA_DINH'), 'ALL') or environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'CAI_NGHIEN_CONG_DONG'), 'ALL')):
            pass
            yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">Tổ chức cai nghiện ma túy'
            if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'CAI_NGHIEN_GIA_DINH'), 'ALL'):
                pass
                yield ' tại gia đình cho '
                yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'CAI_NGHIEN_GIA_DINH'), 'ALL'))
                yield ' người'
                if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'CAI_NGHIEN_CONG_DONG'), 'ALL'):
                    pass
                    yield ','
            if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'CAI_NGHIEN_CONG_DONG'), 'ALL'):
                pass
                yield ' tại cộng đồng cho '
                yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'CAI_NGHIEN_CONG_DONG'), 'ALL'))
                yield ' người'
            yield ' nghiện ma túy'
            if environment.getattr(environment.getattr((undefined(name='cmp') if l_0_cmp is missing else l_0_cmp), 'CAI_NGHIEN_GD_CD'), 'ALL'):
                pass
                yield ' ('
                yield escape(environment.getattr(environment.getattr((undefined(name='cmp') if l_0_cmp is missing else l_0_cmp), 'CAI_NGHIEN_GD_CD'), 'ALL'))
                yield ')'
            yield '.</w:t></w:r></w:p>'
        if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'MET_CONG_DONG'), 'ALL'):
            pass
            yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">Điều trị nghiện các chất dạng thuốc phiện bằng thuốc Methadone tại các cơ sở điều trị ngoài cơ sở cai nghiện: '
            yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'MET_CONG_DONG'), 'ALL'))
            yield ' bệnh nhân đến ngày '
            yield escape(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'end'))
            yield '.</w:t></w:r></w:p>'
        if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'NGHIEN_CO_HO_SO'), 'ALL'):
            pass
            yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">Số người nghiện ma túy có hồ sơ quản lý trên địa bàn đến ngày '
            yield escape(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'end'))
            yield ' là '
            yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'NGHIEN_CO_HO_SO'), 'ALL'))
            yield ' người'
            if environment.getattr(environment.getattr((undefined(name='cmp') if l_0_cmp is missing else l_0_cmp), 'NGHIEN_CO_HO_SO'), 'ALL'):
                pass
                yield ', '
                yield escape(environment.getattr(environment.getattr((undefined(name='cmp') if l_0_cmp is missing else l_0_cmp), 'NGHIEN_CO_HO_SO'), 'ALL'))
            yield '.</w:t></w:r></w:p>'
    if environment.getattr((undefined(name='sec') if l_0_sec is missing else l_0_sec), 'aftercare'):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="VBHeading2"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.getattr((undefined(name='sec') if l_0_sec is missing else l_0_sec), 'aftercare'))
        yield '. Công tác quản lý sau cai nghiện ma túy</w:t></w:r></w:p>'
        if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'HOAN_THANH'), 'HV'):
            pass
            yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">Từ ngày '
            yield escape(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'start'))
            yield ' đến ngày '
            yield escape(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'end'))
            yield ' '
            yield escape(environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'short'))
            yield ' đã giải quyết cho '
            yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'HOAN_THANH'), 'HV'))
            yield ' học viên hoàn thành cai nghiện về tái hòa nhập cộng đồng, để địa phương, gia đình tiếp tục theo dõi, quản lý, giúp đỡ sau cai nghiện'
            if environment.getattr(environment.getattr((undefined(name='cmp') if l_0_cmp is missing else l_0_cmp), 'HOAN_THANH'), 'HV'):
                pass
                yield ', '
                yield escape(environment.getattr(environment.getattr((undefined(name='cmp') if l_0_cmp is missing else l_0_cmp), 'HOAN_THANH'), 'HV'))
            if environment.getattr((undefined(name='parts') if l_0_parts is missing else l_0_parts), 'HOAN_THANH'):
                pass
                yield ' (trong đó: '
                yield escape(environment.getattr((undefined(name='parts') if l_0_parts is missing else l_0_parts), 'HOAN_THANH'))
                yield ')'
            yield '.</w:t></w:r></w:p>'
        if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'SAU_CAI_CU_TRU'), 'ALL'):
            pass
            yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">Số người đang được quản lý sau cai nghiện tại nơi cư trú đến ngày '
            yield escape(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'end'))
            yield ' là '
            yield escape(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'SAU_CAI_CU_TRU'), 'ALL'))
            yield ' người.</w:t></w:r></w:p>'
    if environment.getattr((undefined(name='sec') if l_0_sec is missing else l_0_sec), 'investment'):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="VBHeading2"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.getattr((undefined(name='sec') if l_0_sec is missing else l_0_sec), 'investment'))
        yield '. Đầu tư cơ sở vật chất, trang thiết bị</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">Tổng số vốn đầu tư nâng cấp cơ sở vật chất, trang thiết bị '
        yield escape(environment.getattr((undefined(name='prov') if l_0_prov is missing else l_0_prov), 'investment_years'))
        yield ' là '
        yield escape(environment.getattr((undefined(name='prov') if l_0_prov is missing else l_0_prov), 'investment_total'))
        if (t_1(environment.getattr((undefined(name='prov') if l_0_prov is missing else l_0_prov), 'investment')) > 1):
            pass
            yield ', trong đó:'
        else:
            pass
            yield '.'
        yield '</w:t></w:r></w:p>'
        if (t_1(environment.getattr((undefined(name='prov') if l_0_prov is missing else l_0_prov), 'investment')) > 1):
            pass
            l_1_loop = missing
            for l_1_x, l_1_loop in LoopContext(environment.getattr((undefined(name='prov') if l_0_prov is missing else l_0_prov), 'investment'), undefined):
                _loop_vars = {}
                pass
                yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">- Năm '
                yield escape(environment.getattr(l_1_x, 'year'))
                yield ': '
                yield escape(environment.getattr(l_1_x, 'amount'))
                if environment.getattr(l_1_x, 'source'):
                    pass
                    yield ' ('
                    yield escape(environment.getattr(l_1_x, 'source'))
                    yield ')'
                if environment.getattr(l_1_loop, 'last'):
                    pass
                    yield '.'
                else:
                    pass
                    yield ';'
                yield '</w:t></w:r></w:p>'
            l_1_loop = l_1_x = missing
    if environment.getattr((undefined(name='sec') if l_0_sec is missing else l_0_sec), 'table'):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="VBHeading2"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.getattr((undefined(name='sec') if l_0_sec is missing else l_0_sec), 'table'))
        yield '. Số liệu tổng hợp theo diện</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="VBTableNote"/></w:pPr><w:r><w:t>Đơn vị tính: người</w:t></w:r></w:p><w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="9354" w:type="dxa"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="100" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar><w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid><w:gridCol w:w="2100"/><w:gridCol w:w="850"/><w:gridCol w:w="800"/><w:gridCol w:w="850"/><w:gridCol w:w="1150"/><w:gridCol w:w="850"/><w:gridCol w:w="900"/><w:gridCol w:w="850"/><w:gridCol w:w="1004"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:tcW w:w="2100" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableHead"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t>Chỉ tiêu</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="850" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableHead"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t>BB</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="800" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableHead"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t>TN</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="850" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableHead"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t>HTCC</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1150" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableHead"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t>XĐTTN</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="850" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableHead"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t>LTTT</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="900" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableHead"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t>Cộng HV</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="850" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableHead"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t>MET</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1004" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableHead"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t>Tổng cộng</w:t></w:r></w:p></w:tc></w:tr>'
        for l_1_r in environment.getattr((undefined(name='table') if l_0_table is missing else l_0_table), 'rows'):
            _loop_vars = {}
            pass
            if environment.getattr(l_1_r, 'bold'):
                pass
                yield '<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="2100" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableText"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                yield escape(environment.getattr(l_1_r, 'label'))
                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="850" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableNum"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                yield escape(environment.getitem(environment.getattr(l_1_r, 'cells'), 0))
                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="800" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableNum"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                yield escape(environment.getitem(environment.getattr(l_1_r, 'cells'), 1))
                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="850" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableNum"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                yield escape(environment.getitem(environment.getattr(l_1_r, 'cells'), 2))
                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1150" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableNum"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                yield escape(environment.getitem(environment.getattr(l_1_r, 'cells'), 3))
                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="850" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableNum"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                yield escape(environment.getitem(environment.getattr(l_1_r, 'cells'), 4))
                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="900" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableNum"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                yield escape(environment.getitem(environment.getattr(l_1_r, 'cells'), 5))
                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="850" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableNum"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                yield escape(environment.getitem(environment.getattr(l_1_r, 'cells'), 6))
                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1004" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableNum"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                yield escape(environment.getitem(environment.getattr(l_1_r, 'cells'), 7))
                yield '</w:t></w:r></w:p></w:tc></w:tr>'
            else:
                pass
                yield '<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="2100" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableText"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                yield escape(environment.getattr(l_1_r, 'label'))
                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="850" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableNum"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                yield escape(environment.getitem(environment.getattr(l_1_r, 'cells'), 0))
                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="800" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableNum"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                yield escape(environment.getitem(environment.getattr(l_1_r, 'cells'), 1))
                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="850" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableNum"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                yield escape(environment.getitem(environment.getattr(l_1_r, 'cells'), 2))
                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1150" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableNum"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                yield escape(environment.getitem(environment.getattr(l_1_r, 'cells'), 3))
                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="850" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableNum"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                yield escape(environment.getitem(environment.getattr(l_1_r, 'cells'), 4))
                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="900" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableNum"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                yield escape(environment.getitem(environment.getattr(l_1_r, 'cells'), 5))
                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="850" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableNum"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                yield escape(environment.getitem(environment.getattr(l_1_r, 'cells'), 6))
                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1004" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableNum"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                yield escape(environment.getitem(environment.getattr(l_1_r, 'cells'), 7))
                yield '</w:t></w:r></w:p></w:tc></w:tr>'
        l_1_r = missing
        yield '</w:tbl>\n<w:p><w:pPr><w:pStyle w:val="VBTableLegend"/></w:pPr><w:r><w:t>(BB: bắt buộc; TN: tự nguyện; HTCC: hỗ trợ cắt cơn; XĐTTN: xác định tình trạng nghiện; LTTT: lưu trú tạm thời; HV: học viên; MET: điều trị Methadone.)</w:t></w:r></w:p>'
    if environment.getattr((undefined(name='sec') if l_0_sec is missing else l_0_sec), 'facilities'):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="VBHeading2"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.getattr((undefined(name='sec') if l_0_sec is missing else l_0_sec), 'facilities'))
        yield '. Số liệu theo cơ sở</w:t></w:r></w:p>'
        if (undefined(name='gaps') if l_0_gaps is missing else l_0_gaps):
            pass
            yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t>Số liệu dưới đây chưa đầy đủ:</w:t></w:r></w:p>'
            for l_1_g in (undefined(name='gaps') if l_0_gaps is missing else l_0_gaps):
                _loop_vars = {}
                pass
                yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">- '
                yield escape(l_1_g)
                yield '</w:t></w:r></w:p>'
            l_1_g = missing
        if environment.getattr((undefined(name='timeliness') if l_0_timeliness is missing else l_0_timeliness), 'sentence'):
            pass
            yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.getattr((undefined(name='timeliness') if l_0_timeliness is missing else l_0_timeliness), 'sentence'))
            yield '</w:t></w:r></w:p>'
        for l_1_g in environment.getattr((undefined(name='timeliness') if l_0_timeliness is missing else l_0_timeliness), 'late'):
            _loop_vars = {}
            pass
            yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">- '
            yield escape(l_1_g)
            yield '</w:t></w:r></w:p>'
        l_1_g = missing
        yield '\n<w:p><w:pPr><w:pStyle w:val="VBTableNote"/></w:pPr><w:r><w:t>Đơn vị tính: người (học viên các diện, kể cả bệnh nhân điều trị Methadone)</w:t></w:r></w:p><w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="9354" w:type="dxa"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="100" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar><w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid><w:gridCol w:w="750"/><w:gridCol w:w="2204"/><w:gridCol w:w="800"/><w:gridCol w:w="800"/><w:gridCol w:w="800"/><w:gridCol w:w="800"/><w:gridCol w:w="800"/><w:gridCol w:w="800"/><w:gridCol w:w="800"/><w:gridCol w:w="800"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:tcW w:w="750" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableHead"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t>STT</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="2204" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableHead"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t>Cơ sở</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="800" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableHead"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t>Sổ tháng</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="800" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableHead"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t>Đầu kỳ</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="800" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableHead"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t>Tiếp nhận</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="800" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableHead"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t>Hoàn thành</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="800" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableHead"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t>Trốn</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="800" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableHead"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t>Cuối kỳ</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="800" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableHead"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t>Có mặt</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="800" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableHead"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t>Vắng mặt</w:t></w:r></w:p></w:tc></w:tr>'
        l_1_loop = missing
        for l_1_r, l_1_loop in LoopContext((undefined(name='annex') if l_0_annex is missing else l_0_annex), undefined):
            _loop_vars = {}
            pass
            if environment.getattr(l_1_r, 'bold'):
                pass
                yield '<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="750" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableText"/><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                if (not environment.getattr(l_1_r, 'total')):
                    pass
                    yield escape(environment.getattr(l_1_loop, 'index'))
                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="2204" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableText"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                yield escape(environment.getattr(l_1_r, 'name'))
                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="800" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableText"/><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                yield escape(environment.getattr(l_1_r, 'months'))
                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="800" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableNum"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                yield escape(environment.getattr(environment.getattr(environment.getattr(l_1_r, 'n'), 'DAU_KY'), 'ALL'))
                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="800" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableNum"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                yield escape(environment.getattr(environment.getattr(environment.getattr(l_1_r, 'n'), 'TIEP_NHAN'), 'ALL'))
                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="800" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableNum"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                yield escape(environment.getattr(environment.getattr(environment.getattr(l_1_r, 'n'), 'HOAN_THANH'), 'ALL'))
                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="800" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableNum"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                yield escape(environment.getattr(environment.getattr(environment.getattr(l_1_r, 'n'), 'TRON'), 'ALL'))
                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="800" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableNum"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                yield escape(environment.getattr(environment.getattr(environment.getattr(l_1_r, 'n'), 'CUOI_KY'), 'ALL'))
                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="800" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableNum"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                yield escape(environment.getattr(environment.getattr(environment.getattr(l_1_r, 'n'), 'CO_MAT'), 'ALL'))
                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="800" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableNum"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                yield escape(environment.getattr(environment.getattr(environment.getattr(l_1_r, 'n'), 'VANG_MAT'), 'ALL'))
                yield '</w:t></w:r></w:p></w:tc></w:tr>'
            else:
                pass
                yield '<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="750" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableText"/><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                if (not environment.getattr(l_1_r, 'total')):
                    pass
                    yield escape(environment.getattr(l_1_loop, 'index'))
                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="2204" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableText"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                yield escape(environment.getattr(l_1_r, 'name'))
                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="800" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableText"/><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                yield escape(environment.getattr(l_1_r, 'months'))
                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="800" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableNum"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                yield escape(environment.getattr(environment.getattr(environment.getattr(l_1_r, 'n'), 'DAU_KY'), 'ALL'))
                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="800" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableNum"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                yield escape(environment.getattr(environment.getattr(environment.getattr(l_1_r, 'n'), 'TIEP_NHAN'), 'ALL'))
                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="800" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableNum"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                yield escape(environment.getattr(environment.getattr(environment.getattr(l_1_r, 'n'), 'HOAN_THANH'), 'ALL'))
                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="800" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableNum"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                yield escape(environment.getattr(environment.getattr(environment.getattr(l_1_r, 'n'), 'TRON'), 'ALL'))
                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="800" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableNum"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                yield escape(environment.getattr(environment.getattr(environment.getattr(l_1_r, 'n'), 'CUOI_KY'), 'ALL'))
                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="800" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableNum"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                yield escape(environment.getattr(environment.getattr(environment.getattr(l_1_r, 'n'), 'CO_MAT'), 'ALL'))
                yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="800" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableNum"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">'
                yield escape(environment.getattr(environment.getattr(environment.getattr(l_1_r, 'n'), 'VANG_MAT'), 'ALL'))
                yield '</w:t></w:r></w:p></w:tc></w:tr>'
        l_1_loop = l_1_r = missing
        yield '</w:tbl>'
    if environment.getattr((undefined(name='sec') if l_0_sec is missing else l_0_sec), 'targets'):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="VBHeading2"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.getattr((undefined(name='sec') if l_0_sec is missing else l_0_sec), 'targets'))
        yield '. Kết quả thực hiện các chỉ tiêu kế hoạch</w:t></w:r></w:p>'
        l_1_loop = missing
        for l_1_t, l_1_loop in LoopContext((undefined(name='targets') if l_0_targets is missing else l_0_targets), undefined):
            _loop_vars = {}
            pass
            yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/><w:keepNext/></w:pPr><w:r><w:t xml:space="preserve">- '
            yield escape(environment.getattr(l_1_t, 'label'))
            yield ': kế hoạch '
            yield escape(environment.getattr(l_1_t, 'plan'))
            if (environment.getattr(l_1_t, 'unit') != '%'):
                pass
                yield ' '
            yield escape(environment.getattr(l_1_t, 'unit'))
            yield ', thực hiện '
            yield escape(environment.getattr(l_1_t, 'actual'))
            if (environment.getattr(l_1_t, 'unit') != '%'):
                pass
                yield ' '
            yield escape(environment.getattr(l_1_t, 'unit'))
            if environment.getattr(l_1_t, 'rate'):
                pass
                yield ', đạt '
                yield escape(environment.getattr(l_1_t, 'rate'))
                if environment.getattr(l_1_t, 'met'):
                    pass
                    yield ' kế hoạch'
                else:
                    pass
                    yield ', chưa đạt kế hoạch'
            if environment.getattr(l_1_loop, 'last'):
                pass
                yield '.'
            else:
                pass
                yield ';'
            yield '</w:t></w:r></w:p>'
        l_1_loop = l_1_t = missing
        yield '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="9354" w:type="dxa"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="100" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar><w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid><w:gridCol w:w="750"/><w:gridCol w:w="2904"/><w:gridCol w:w="1200"/><w:gridCol w:w="1800"/><w:gridCol w:w="1800"/><w:gridCol w:w="900"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:tcW w:w="750" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableHead"/></w:pPr><w:r><w:t>STT</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="2904" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableHead"/></w:pPr><w:r><w:t>Chỉ tiêu</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1200" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableHead"/></w:pPr><w:r><w:t>Đơn vị tính</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1800" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableHead"/></w:pPr><w:r><w:t>Kế hoạch</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1800" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableHead"/></w:pPr><w:r><w:t>Thực hiện</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="900" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableHead"/></w:pPr><w:r><w:t>Tỷ lệ đạt</w:t></w:r></w:p></w:tc></w:tr>'
        l_1_loop = missing
        for l_1_t, l_1_loop in LoopContext((undefined(name='targets') if l_0_targets is missing else l_0_targets), undefined):
            _loop_vars = {}
            pass
            yield '<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="750" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableNum"/><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.getattr(l_1_loop, 'index'))
            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="2904" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableText"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.getattr(l_1_t, 'label'))
            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1200" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableText"/><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.getattr(l_1_t, 'unit'))
            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1800" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableNum"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.getattr(l_1_t, 'plan'))
            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1800" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableNum"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.getattr(l_1_t, 'actual'))
            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="900" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableNum"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.getattr(l_1_t, 'rate'))
            yield '</w:t></w:r></w:p></w:tc></w:tr>'
        l_1_loop = l_1_t = missing
        yield '</w:tbl>'
    yield '\n<w:p><w:pPr><w:pStyle w:val="VBHeading1"/></w:pPr><w:r><w:t>II. ĐÁNH GIÁ CHUNG</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="VBHeading2"/></w:pPr><w:r><w:t>1. Kết quả đạt được</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="VBPlaceholder"/></w:pPr><w:r><w:t>(Đơn vị bổ sung nội dung đánh giá.)</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="VBHeading2"/></w:pPr><w:r><w:t>2. Tồn tại, hạn chế</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="VBPlaceholder"/></w:pPr><w:r><w:t>(Đơn vị bổ sung nội dung đánh giá.)</w:t></w:r></w:p>'
    if (undefined(name='approval') if l_0_approval is missing else l_0_approval):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape((undefined(name='approval') if l_0_approval is missing else l_0_approval))
        yield '</w:t></w:r></w:p>'
    yield '\n<w:p><w:pPr><w:pStyle w:val="VBHeadingPart"/></w:pPr><w:r><w:t>Phần II</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="VBHeadingPartTitle"/></w:pPr><w:r><w:t xml:space="preserve">KẾ HOẠCH CÔNG TÁC '
    yield escape(t_2(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'label')))
    yield '</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="VBHeading1"/></w:pPr><w:r><w:t>I. MỤC TIÊU</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="VBPlaceholder"/></w:pPr><w:r><w:t>(Đơn vị bổ sung mục tiêu tổng quát.)</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="VBHeading1"/></w:pPr><w:r><w:t>II. CHỈ TIÊU CHỦ YẾU</w:t></w:r></w:p>'
    if environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'targets'):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="VBBody"/><w:keepNext/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'short_cap'))
        yield ' phấn đấu thực hiện các chỉ tiêu chủ yếu '
        yield escape(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'label'))
        yield ' như sau (kèm kết quả thực hiện '
        yield escape(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'label'))
        yield '):</w:t></w:r></w:p><w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="9354" w:type="dxa"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="100" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar><w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid><w:gridCol w:w="750"/><w:gridCol w:w="3304"/><w:gridCol w:w="1300"/><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:tcW w:w="750" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableHead"/></w:pPr><w:r><w:t>STT</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="3304" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableHead"/></w:pPr><w:r><w:t>Chỉ tiêu</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1300" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableHead"/></w:pPr><w:r><w:t>Đơn vị tính</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableHead"/></w:pPr><w:r><w:t xml:space="preserve">Kế hoạch '
        yield escape(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'year'))
        yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableHead"/></w:pPr><w:r><w:t xml:space="preserve">Thực hiện '
        yield escape(environment.getattr((undefined(name='period') if l_0_period is missing else l_0_period), 'year'))
        yield '</w:t></w:r></w:p></w:tc></w:tr>'
        l_1_loop = missing
        for l_1_t, l_1_loop in LoopContext(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'targets'), undefined):
            _loop_vars = {}
            pass
            yield '<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="750" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableNum"/><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.getattr(l_1_loop, 'index'))
            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="3304" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableText"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.getattr(l_1_t, 'label'))
            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="1300" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableText"/><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.getattr(l_1_t, 'unit'))
            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableNum"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.getattr(l_1_t, 'plan'))
            yield '</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBTableNum"/></w:pPr><w:r><w:t xml:space="preserve">'
            yield escape(environment.getattr(l_1_t, 'actual'))
            yield '</w:t></w:r></w:p></w:tc></w:tr>'
        l_1_loop = l_1_t = missing
        yield '</w:tbl>'
    else:
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="VBPlaceholder"/></w:pPr><w:r><w:t>(Đơn vị bổ sung các chỉ tiêu chủ yếu.)</w:t></w:r></w:p>'
    yield '\n<w:p><w:pPr><w:pStyle w:val="VBHeading1"/></w:pPr><w:r><w:t>III. NHIỆM VỤ VÀ GIẢI PHÁP</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="VBPlaceholder"/></w:pPr><w:r><w:t>(Đơn vị bổ sung nhiệm vụ và giải pháp.)</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="VBHeading1"/></w:pPr><w:r><w:t>IV. TỔ CHỨC THỰC HIỆN</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="VBPlaceholder"/></w:pPr><w:r><w:t>(Đơn vị bổ sung phân công tổ chức thực hiện.)</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="VBBody"/><w:keepNext/></w:pPr><w:r><w:t xml:space="preserve">Trên đây là Kế hoạch công tác '
    yield escape(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'label'))
    yield ' của '
    yield escape(environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'name'))
    yield './.</w:t></w:r></w:p><w:tbl><w:tblPr><w:tblW w:w="9354" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar><w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid><w:gridCol w:w="4536"/><w:gridCol w:w="4818"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="4536" w:type="dxa"/><w:vAlign w:val="top"/></w:tcPr>\n<w:p><w:pPr><w:pStyle w:val="VBRecipientsHead"/></w:pPr><w:r><w:t>Nơi nhận:</w:t></w:r></w:p>'
    l_1_loop = missing
    for l_1_r, l_1_loop in LoopContext(environment.getattr((undefined(name='doc') if l_0_doc is missing else l_0_doc), 'recipients'), undefined):
        _loop_vars = {}
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="VBRecipients"/></w:pPr><w:r><w:t xml:space="preserve">- '
        yield escape(l_1_r)
        if environment.getattr(l_1_loop, 'last'):
            pass
            yield '.'
        else:
            pass
            yield ';'
        yield '</w:t></w:r></w:p>'
    l_1_loop = l_1_r = missing
    yield '</w:tc><w:tc><w:tcPr><w:tcW w:w="4818" w:type="dxa"/><w:vAlign w:val="top"/></w:tcPr>'
    if environment.getattr((undefined(name='doc') if l_0_doc is missing else l_0_doc), 'signer_authority'):
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="VBSignerAuthority"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.getattr((undefined(name='doc') if l_0_doc is missing else l_0_doc), 'signer_authority'))
        yield '</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="VBSigner"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.getattr((undefined(name='doc') if l_0_doc is missing else l_0_doc), 'signer_title'))
        yield '</w:t></w:r></w:p>'
    else:
        pass
        yield '\n<w:p><w:pPr><w:pStyle w:val="VBSignerAuthority"/></w:pPr><w:r><w:t xml:space="preserve">'
        yield escape(environment.getattr((undefined(name='doc') if l_0_doc is missing else l_0_doc), 'signer_title'))
        yield '</w:t></w:r></w:p>'
    yield '\n<w:p><w:pPr><w:pStyle w:val="VBSigner"/></w:pPr></w:p>\n<w:p><w:pPr><w:pStyle w:val="VBSigner"/></w:pPr></w:p>\n<w:p><w:pPr><w:pStyle w:val="VBSigner"/></w:pPr></w:p>\n<w:p><w:pPr><w:pStyle w:val="VBSigner"/></w:pPr></w:p>\n<w:p><w:pPr><w:pStyle w:val="VBSigner"/></w:pPr></w:p>\n<w:p><w:pPr><w:pStyle w:val="VBSignerName"/></w:pPr><w:r><w:t xml:space="preserve">'
    yield escape(environment.getattr((undefined(name='doc') if l_0_doc is missing else l_0_doc), 'signer_name'))
    yield '</w:t></w:r></w:p></w:tc></w:tr></w:tbl>\n<w:p><w:pPr><w:pStyle w:val="VBRule"/><w:keepNext w:val="0"/></w:pPr></w:p><w:sectPr w:rsidR="00FC693F" w:rsidRPr="0006063C" w:rsidSect="00034616"><w:headerReference w:type="first" r:id="rId9"/><w:headerReference w:type="default" r:id="rId10"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/><w:cols w:space="720"/><w:titlePg/><w:docGrid w:linePitch="360"/></w:sectPr></w:body>'

blocks = {}
debug_info = '1=50&2=53&3=56&8=58&9=60&10=65&11=69&13=73&14=76&15=80&16=90&18=94&19=96&20=99&21=104&22=132&23=165&24=168&25=180&26=192&27=197&28=204&29=274&30=286&31=327&32=351&33=369&34=374&35=405&36=438&37=491&38=525&39=530&40=541&41=546&42=555&43=560&44=565&45=582&46=589&47=596&48=605&49=612&50=635&51=667&52=676&53=697&54=702&55=719&56=726&57=731&58=736&59=759&60=766&61=778&62=783&63=804&64=811&65=813&66=830&67=849&77=851&78=857&79=859&80=861&81=863&82=865&83=867&84=869&85=871&86=873&87=878&88=880&89=882&90=884&91=886&92=888&93=890&94=892&95=894&96=898&97=901&98=906&99=910&100=916&101=922&112=927&113=933&114=937&115=939&116=941&117=943&118=945&119=947&120=949&121=951&122=953&123=958&124=962&125=964&126=966&127=968&128=970&129=972&130=974&131=976&132=978&133=985&134=992&140=1025&141=1029&142=1031&143=1033&144=1035&145=1037&146=1039&151=1044&152=1047&154=1050&157=1052&158=1055&162=1061&163=1063&164=1070&165=1072&166=1074&167=1076&168=1078&174=1086&175=1091&176=1095&177=1108&178=1110&179=1115&185=1118'
# generated by `python -m rehabstat.documents.templates.make_compiled`; do not edit
