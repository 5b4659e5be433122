-- The default dispatch catalogue (派单目录): time-limit classes, a small category tree with a rule per
-- category (and per district where a district's own bureau leads), and knowledge-base answers. The office
-- changes them in these tables; unit codes are the directory's.

INSERT INTO case_time_limit (code, name, working_days, sign_hours) VALUES
    ('URGENT', '紧急（当日办结）', 0, 1),
    ('CONSULT', '咨询（3个工作日）', 3, 4),
    ('COMPLAINT', '投诉（13个工作日）', 13, 4),
    ('REQUEST', '求助（13个工作日）', 13, 4);

INSERT INTO case_category (code, parent_code, name, sort_order) VALUES
    ('URBAN', NULL, '城市管理', 1),
    ('DRAIN', 'URBAN', '排水', 2),
    ('DRAIN-SEWAGE', 'DRAIN', '污水冒溢', 3),
    ('NOISE', 'URBAN', '噪音', 4),
    ('STREET', 'URBAN', '占道经营', 5),
    ('HOUSE', NULL, '住房', 6),
    ('HOUSE-QUALITY', 'HOUSE', '房屋质量', 7),
    ('PROPERTY', 'HOUSE', '物业', 8),
    ('CONSULT', NULL, '政策咨询', 9);

INSERT INTO case_dispatch_rule (category_code, district_code, lead_unit_code, cooperating_codes, time_limit_code) VALUES
    ('DRAIN-SEWAGE', NULL, 'SLJ', 'SWJT', 'URGENT'),
    ('DRAIN-SEWAGE', 'DCQ', 'DCQ-BGS', 'SWJT,DCQ-CGJ', 'URGENT'),
    ('NOISE', NULL, 'CGJ', '', 'COMPLAINT'),
    ('NOISE', 'DCQ', 'DCQ-CGJ', '', 'COMPLAINT'),
    ('NOISE', 'XHQ', 'XHQ-CGJ', '', 'COMPLAINT'),
    ('NOISE', 'NSQ', 'NSQ-CGJ', '', 'COMPLAINT'),
    ('STREET', NULL, 'CGJ', '', 'COMPLAINT'),
    ('STREET', 'DCQ', 'DCQ-CGJ', 'DCQ-BGS', 'COMPLAINT'),
    ('STREET', 'XHQ', 'XHQ-CGJ', 'XHQ-BGS', 'COMPLAINT'),
    ('STREET', 'NSQ', 'NSQ-CGJ', 'NSQ-BGS', 'COMPLAINT'),
    ('HOUSE-QUALITY', NULL, 'ZJJ', 'SCJGJ', 'COMPLAINT'),
    ('HOUSE-QUALITY', 'DCQ', 'ZJJ', 'DCQ-ZJJ,DCQ-BGS', 'COMPLAINT'),
    ('HOUSE-QUALITY', 'XHQ', 'ZJJ', 'XHQ-ZJJ,XHQ-BGS', 'COMPLAINT'),
    ('HOUSE-QUALITY', 'NSQ', 'ZJJ', 'NSQ-ZJJ,NSQ-BGS', 'COMPLAINT'),
    ('PROPERTY', NULL, 'ZJJ', '', 'REQUEST'),
    ('PROPERTY', 'DCQ', 'DCQ-ZJJ', 'DCQ-BGS', 'REQUEST'),
    ('PROPERTY', 'XHQ', 'XHQ-ZJJ', 'XHQ-BGS', 'REQUEST'),
    ('PROPERTY', 'NSQ', 'NSQ-ZJJ', 'NSQ-BGS', 'REQUEST'),
    ('CONSULT', NULL, 'ZJJ', '', 'CONSULT');

INSERT INTO case_knowledge (category_code, question, answer) VALUES
    ('PROPERTY', '物业费标准在哪里查询？', '住宅物业服务收费标准由市发展改革委会同市住建局公布，可在市住建局网站“物业管理”栏目查询，或向所在街道物业管理办公室咨询。'),
    ('PROPERTY', '业主大会如何成立？', '由街道办事处指导成立首次业主大会会议筹备组，筹备组在成立之日起90日内召开首次业主大会会议。'),
    ('NOISE', '夜间施工噪音允许到几点？', '除抢修、抢险等情形外，22时至次日6时禁止在噪声敏感建筑物集中区域进行产生噪声的建筑施工作业；确需连续作业的须持有证明并公告附近居民。'),
    ('CONSULT', '公积金贷款额度如何计算？', '公积金贷款额度按借款人缴存余额的一定倍数计算，并受房价、还款能力和最高额度限制，具体以市住房公积金中心公布的办法为准。'),
    ('HOUSE-QUALITY', '新房保修期是多久？', '屋面防水、有防水要求的卫生间和外墙面防渗漏保修期为5年，供热与供冷系统为2个采暖期或供冷期，电气管线、给排水管道和装修工程为2年。');
