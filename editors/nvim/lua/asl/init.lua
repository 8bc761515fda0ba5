-- aslkit for Neovim: starts `asl lsp` for Amazon States Language files and
-- adds :ASLSimulate. Works on Neovim 0.7.2 and later (0.7 has no
-- vim.lsp.start, so it uses vim.lsp.start_client + buf_attach_client).
--
--   require('asl').setup({
--     cmd = { 'asl', 'lsp' },           -- the server command
--     settings = { asl = { workflowType = 'STANDARD' } },
--     init_options = nil,               -- sent as initializationOptions
--     filetypes = { 'asl', 'asl-yaml' },
--     detect_plain = true,              -- also attach to json/yaml buffers that look like ASL
--   })
--
-- Custom protocol: docs/protocol.md (asl.simulate, asl/simulationEvent, asl/simulationDone).
local M = {}

local uv = vim.uv or vim.loop
local has08 = vim.fn.has('nvim-0.8') == 1
local has10 = vim.fn.has('nvim-0.10') == 1
local has11 = vim.fn.has('nvim-0.11') == 1

M.config = {
  cmd = { 'asl', 'lsp' },
  settings = nil,
  init_options = nil,
  filetypes = { 'asl', 'asl-yaml' },
  detect_plain = true,
  capabilities = nil,
  on_attach = nil,
}

-- One client per root directory (0.7 path; vim.lsp.start reuses by name+root itself).
local clients = {}
-- Simulation runs by id: { buf = scratch buffer, items = quickfix items, uri = ... }
local runs = {}
local run_counter = 0

local function root_of(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local dir = vim.fn.fnamemodify(name, ':p:h')
  local marker = vim.fn.finddir('.git', dir .. ';')
  if marker ~= '' then
    return vim.fn.fnamemodify(marker, ':p:h:h')
  end
  return dir
end

------------------------------------------------------------------ simulation UI

local function scratch(title)
  local buf = vim.api.nvim_create_buf(false, true)
  vim.api.nvim_buf_set_name(buf, title)
  vim.bo[buf].buftype = 'nofile'
  vim.bo[buf].bufhidden = 'hide'
  vim.bo[buf].swapfile = false
  return buf
end

local function append(buf, lines)
  if not vim.api.nvim_buf_is_valid(buf) then return end
  local n = vim.api.nvim_buf_line_count(buf)
  local first = vim.api.nvim_buf_get_lines(buf, 0, 1, false)[1]
  if n == 1 and first == '' then
    vim.api.nvim_buf_set_lines(buf, 0, 1, false, lines)
  else
    vim.api.nvim_buf_set_lines(buf, n, n, false, lines)
  end
end

local function run_for(id)
  local r = runs[id]
  if not r then
    -- Notifications may come before the executeCommand response.
    r = { items = {}, pending = {} }
    runs[id] = r
  end
  return r
end

local function on_event(_, result)
  if not result or not result.runId then return vim.NIL end
  local r = run_for(result.runId)
  local ev = result.event or {}
  local text = ev.text or ev.type or '?'
  if r.buf then append(r.buf, { text }) else table.insert(r.pending, text) end
  if ev.uri and ev.range then
    table.insert(r.items, {
      filename = vim.uri_to_fname(ev.uri),
      lnum = ev.range.start.line + 1,
      col = ev.range.start.character + 1,
      text = text,
    })
  end
  M.events_seen = (M.events_seen or 0) + 1
  return vim.NIL
end

local function summary(result)
  local lines = { '', 'status: ' .. tostring(result.status) }
  if result.status == 'SUCCEEDED' then
    table.insert(lines, 'output: ' .. vim.fn.json_encode(result.output))
  else
    if result.error and result.error ~= vim.NIL then table.insert(lines, 'error: ' .. result.error) end
    if result.cause and result.cause ~= vim.NIL then table.insert(lines, 'cause: ' .. result.cause) end
  end
  table.insert(lines, string.format('transitions: %d, events: %d, virtual seconds: %s',
    result.transitions or 0, result.events or 0, tostring(result.virtualSeconds)))
  return lines
end

local function on_done(_, result)
  if not result or not result.runId then return vim.NIL end
  local r = run_for(result.runId)
  r.done = result
  local lines = summary(result)
  if r.buf then append(r.buf, lines) end
  vim.fn.setqflist({}, ' ', { title = 'ASL simulation ' .. result.runId .. ' (' .. tostring(result.status) .. ')', items = r.items })
  M.last_done = result
  vim.notify('ASL simulation ' .. result.runId .. ': ' .. tostring(result.status),
    result.status == 'SUCCEEDED' and vim.log.levels.INFO or vim.log.levels.WARN)
  return vim.NIL
end

M.handlers = {
  ['asl/simulationEvent'] = on_event,
  ['asl/simulationDone'] = on_done,
}

-- :ASLSimulate [input.json] — runs the current buffer's state machine.
function M.simulate(opts)
  opts = opts or {}
  local bufnr = opts.bufnr or vim.api.nvim_get_current_buf()
  run_counter = run_counter + 1
  local id = string.format('nvim-%d-%d', uv.os_getpid(), run_counter)
  local args = { uri = vim.uri_from_bufnr(bufnr), runId = id }
  if opts.input_file and opts.input_file ~= '' then
    args.inputUri = vim.uri_from_fname(vim.fn.fnamemodify(opts.input_file, ':p'))
  end
  if opts.express then args.express = true end
  local r = run_for(id)
  if not opts.no_window then
    r.buf = scratch('ASL simulation ' .. id)
    append(r.buf, r.pending)
    vim.cmd('botright split')
    vim.api.nvim_win_set_buf(0, r.buf)
    vim.cmd('wincmd p')
  end
  vim.lsp.buf_request(bufnr, 'workspace/executeCommand', { command = 'asl.simulate', arguments = { args } },
    function(err, result)
      if err then
        r.error = err
        vim.notify('ASL simulation: ' .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
        if r.buf then append(r.buf, { 'error: ' .. (err.message or '') }) end
      end
      r.started = result
    end)
  M.last_run = id
  return id
end

function M.cancel(id)
  id = id or M.last_run
  if not id then return end
  vim.lsp.buf_request(0, 'workspace/executeCommand', { command = 'asl.simulate.cancel', arguments = { { runId = id } } },
    function() end)
end

function M.run(id) return runs[id] end

------------------------------------------------------------------ client

local function looks_like_asl(bufnr)
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, 200, false)
  for _, l in ipairs(lines) do
    if l:find('"StartAt"') or l:find('"States"') or l:find('^StartAt:') or l:find('^States:') then
      return true
    end
  end
  return false
end

local function client_config(bufnr)
  local cfg = M.config
  local handlers = vim.tbl_extend('force', {}, M.handlers)
  return {
    name = 'asl',
    cmd = cfg.cmd,
    root_dir = root_of(bufnr),
    settings = cfg.settings or vim.empty_dict(),
    init_options = cfg.init_options,
    capabilities = cfg.capabilities or vim.lsp.protocol.make_client_capabilities(),
    handlers = handlers,
    on_init = function(client)
      -- Neovim sends the settings itself only from 0.10 on.
      if cfg.settings and not has10 then
        if has11 then
          client:notify('workspace/didChangeConfiguration', { settings = cfg.settings })
        else
          client.notify('workspace/didChangeConfiguration', { settings = cfg.settings })
        end
      end
    end,
    on_attach = cfg.on_attach,
  }
end

function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local config = client_config(bufnr)
  if has08 and vim.lsp.start then
    return vim.lsp.start(config, { bufnr = bufnr })
  end
  local id = clients[config.root_dir]
  if not id or not vim.lsp.get_client_by_id(id) then
    id = vim.lsp.start_client(config)
    if not id then return nil end
    clients[config.root_dir] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

function M.setup(opts)
  M.config = vim.tbl_deep_extend('force', M.config, opts or {})
  local group = vim.api.nvim_create_augroup('aslkit', { clear = true })
  vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, {
    group = group,
    pattern = { '*.asl.json', '*.asl' },
    callback = function(ev)
      vim.bo[ev.buf].filetype = 'asl'
      vim.bo[ev.buf].syntax = 'json'
    end,
  })
  vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, {
    group = group,
    pattern = { '*.asl.yaml', '*.asl.yml' },
    callback = function(ev)
      vim.bo[ev.buf].filetype = 'asl-yaml'
      vim.bo[ev.buf].syntax = 'yaml'
    end,
  })
  local fts = vim.deepcopy(M.config.filetypes)
  if M.config.detect_plain then
    vim.list_extend(fts, { 'json', 'yaml' })
  end
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = fts,
    callback = function(ev)
      local ft = vim.bo[ev.buf].filetype
      if (ft == 'json' or ft == 'yaml') and not looks_like_asl(ev.buf) then return end
      M.attach(ev.buf)
    end,
  })
  vim.api.nvim_create_user_command('ASLSimulate', function(c)
    M.simulate({ input_file = c.args })
  end, { nargs = '?', complete = 'file', desc = 'Simulate the current state machine (optional input JSON file)' })
  vim.api.nvim_create_user_command('ASLSimulateCancel', function()
    M.cancel()
  end, { desc = 'Cancel the last ASL simulation' })
end

return M
